// Differences stated in one sentence, checked as a sum with signed parts (the result is the total, so a finding names it):
// 下达100万元…，调减30万元，全年实际下达70万元 (= 100 − 30); 安排80万元，已支付62.5万元，未支付17.5万元 (= 80 − 62.5);
// 本年收入合计520.36万元，本年支出合计498.20万元，本年收支结余22.16万元 (= 收入 − 支出; never 年末结转和结余, which
// carries the years before).
import type { Quantity } from '../../schema.js';
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { ADJUSTMENT_DOWN_WORDS, ADJUSTMENT_UP_WORDS, GRAND_TOTAL_WORDS, alternation } from '../../../lexicon/index.js';
import { isSatellite, listOf } from './of-which.js';

/** An amount after its adjustments: 实际下达, 调整后安排, 实际到位 — the verb says what was adjusted. */
const ADJUSTED = /(?:实际|调整后)(下达|安排|拨付|到位)/;
const DOWN = new RegExp(`(?:${alternation(ADJUSTMENT_DOWN_WORDS)})$`);
const UP = new RegExp(`(?:${alternation(ADJUSTMENT_UP_WORDS)})$`);
/** What is left: 未支付 (未支), 尚未拨付, 未执行 — the verb names what was done with the rest. */
const LEFT = /^(?:尚)?未(支付|拨付|执行|使用|兑付|支|拨|付)/;
/** The year's balance: 本年(收支)结余 = 本年收入 − 本年支出. */
const BALANCE = /本年(?:度)?(?:收支)?结余$/;
const INCOME = new RegExp(`本年(?:度)?收入(?:${alternation(GRAND_TOTAL_WORDS)})?$`);
const SPENDING = new RegExp(`本年(?:度)?支出(?:${alternation(GRAND_TOTAL_WORDS)})?$`);

const minus = (ctx: ProseContext, q: Q): Quantity => {
  const out = ctx.q(q);
  return { ...out, value: -out.value, raw: `−${out.raw}` };
};

/** The words before an amount in its clause as written (全年实际下达70万元 → 全年实际下达: the label drops 达 as filler). */
function wordsBefore(ctx: ProseContext, q: Q): string {
  const p = ctx.paragraphs[q.para].parsed;
  const clause = p.sentences[q.sentence].clauses[q.clause];
  const prev = ctx.quantities[q.para].filter((x) => x.end <= q.start && x.start >= (clause?.start ?? 0)).pop();
  return p.text.slice(Math.max(clause?.start ?? 0, prev?.end ?? 0), q.start).replace(/\s+/g, '');
}

export function findDifferences(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const amounts = ctx.quantities[i].filter((q) => q.bracketDepth === 0 && q.unit !== '%' && family(q.unit) !== '' && usable(p, q) && !q.year);
  for (const result of amounts) {
    const before = amounts.filter((q) => q.sentence === result.sentence && q.start < result.start && family(q.unit) === family(result.unit));
    const evidence = ctx.sentenceOf(result).text.trim();
    const push = (parts: Quantity[]) => ctx.push({ kind: 'sum', total: ctx.q(result), parts, exhaustive: true, location: ctx.paragraphs[i].location, evidence });
    const adjusted = ADJUSTED.exec(wordsBefore(ctx, result));
    if (adjusted) {
      // the amount first allotted with the same verb (下达我区100万元), then every adjustment after it, nothing else
      const verb = adjusted[1];
      const base = before.filter((q) => wordsBefore(ctx, q).includes(verb) && !ADJUSTED.test(wordsBefore(ctx, q)) && !isSatellite(ctx, q) && !listOf(ctx, q));
      if (base.length !== 1) continue;
      const after = before.filter((q) => q.start > base[0].start && !listOf(ctx, q));
      const adjustments = after.filter((q) => DOWN.test(q.label) || UP.test(q.label));
      if (!adjustments.length || adjustments.length !== after.length) continue;
      push([ctx.q(base[0]), ...adjustments.map((q) => (DOWN.test(q.label) ? minus(ctx, q) : ctx.q(q)))]);
      continue;
    }
    const left = LEFT.exec(result.label);
    if (left) {
      // 安排80万元，已支付62.5万元，未支付17.5万元: the whole before, what was done with the same verb, the rest
      const done = before.filter((q) => q.label.includes(left[1]) && !LEFT.test(q.label));
      const whole = before.filter((q) => !done.includes(q) && !isSatellite(ctx, q) && !listOf(ctx, q));
      if (done.length !== 1 || whole.length !== 1 || whole[0].start > done[0].start) continue;
      push([ctx.q(whole[0]), minus(ctx, done[0])]);
      continue;
    }
    if (BALANCE.test(result.label)) {
      const income = before.filter((q) => INCOME.test(q.label));
      const spending = before.filter((q) => SPENDING.test(q.label));
      if (income.length !== 1 || spending.length !== 1) continue;
      push([ctx.q(income[0]), minus(ctx, spending[0])]);
    }
  }
}
