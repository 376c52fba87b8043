// 完成预算的Y% when the sentence states the 决算 only and the document's table states the item's 预算: the budget is the
// table's cell (named by the item and the stage; one value in the document's tables, or no relation).
import type { Relation } from '../../schema.js';
import type { ProseParagraph } from './context.js';
import { family, toQuantity, usable } from './context.js';
import { COMPLETED_BUDGET_RATE, roleOf } from './rate.js';
import type { TableIndex } from '../../tables/lookup.js';
import { itemOfLabel } from '../../../lexicon/index.js';

/**
 * Rates of completion whose budget only a table of the document states: 公务用车购置及运行维护费支出决算为6.30万元，完成
 * 预算的63.00% over the 三公 table's 公务用车购置及运行费·小计·预算数 10.00. Stated by the text's naming (item and stage)
 * when exactly one table value answers; when the table also states the item's 决算 and it differs from the sentence's,
 * the sentence and the table disagree and no rate is read (one cause, one finding). A rate some finder already read is
 * left alone.
 */
export function ratesOverTables(paragraphs: ProseParagraph[], found: readonly Relation[], tables: TableIndex): Relation[] {
  const out: Relation[] = [];
  const read = new Set(found.flatMap((r) => (r.kind === 'rate' ? [JSON.stringify([r.rate.location, r.rate.raw])] : [])));
  paragraphs.forEach((para) => {
    const p = para.parsed;
    const qs = p.quantities;
    for (const rate of qs) {
      if (rate.unit !== '%' || !usable(p, rate)) continue;
      const name = COMPLETED_BUDGET_RATE.exec(rate.label)?.[1];
      if (!name) continue;
      const q = toQuantity(rate, para.location);
      if (read.has(JSON.stringify([q.location, q.raw]))) continue;
      const before = qs.filter((x) => x.sentence === rate.sentence && x.start < rate.start);
      const lastRate = [...before].reverse().find((x) => x.unit === '%');
      const local = before.filter((x) => (!lastRate || x.start > lastRate.start) && family(x.unit) === 'money' && x.value !== 0 && x.bracketDepth === 0 && usable(p, x));
      if (local.some((x) => roleOf(x.label) === 'denominator')) continue; // the sentence states a budget of its own
      const numerator = [...local].reverse().find((x) => roleOf(x.label) === 'numerator');
      if (!numerator) continue;
      const item = itemOfLabel(numerator.label);
      if (!item) continue;
      const budget = tables.find(item, 'budget');
      if (!budget) continue;
      const actual = tables.find(item, 'actual');
      if (actual && actual.value !== numerator.value) continue;
      out.push({
        kind: 'rate', name, rate: q, numerator: toQuantity(numerator, para.location), denominators: [budget],
        location: para.location, evidence: p.sentences[rate.sentence].text.trim(),
      });
    }
  });
  return out;
}
