// Text against its tables: 完成预算的Y% when the sentence states the 决算 only and the document's table states the item's
// 预算 (the table's cell, named by the item and the stage; one value in the document's tables, or no relation); and an
// item's 预算 or 决算 the sentence and the table both state, which must agree (restated; written the other way round,
// one finding for the swap).
import type { Relation } from '../../schema.js';
import type { ProseParagraph } from './context.js';
import { family, toQuantity, usable } from './context.js';
import { COMPLETED_BUDGET_RATE, roleOf } from './rate.js';
import type { TableIndex } from '../../tables/lookup.js';
import { figureOfLabel, itemCategories, itemOfLabel, stageOfLabel } from '../../../lexicon/index.js';
import type { FigureOf } from '../../tables/lookup.js';

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
      // the sentence and the table disagree on the 决算: that is the finding (restatements below), not the rate
      if (actual && actual.value !== numerator.value) continue;
      out.push({
        kind: 'rate', name, rate: q, numerator: toQuantity(numerator, para.location), denominators: [budget],
        location: para.location, evidence: p.sentences[rate.sentence].text.trim(),
      });
    }
  });
  return out;
}

const STAGE_NAME = { budget: '预算数', actual: '决算数' } as const;

/**
 * An item's 预算 and 决算 stated in a sentence (…“三公”经费财政拨款支出年初预算为X万元，支出决算为Y万元) against the one
 * value each the document's tables state for that item: each must agree (restated, the table's first). When the
 * sentence has the two written the other way round (X and Y swapped), that is one cause: one finding, on the budget.
 * Only amounts whose label names both the item (by the genre's categories) and the stage, outside brackets.
 */
export function restatedInTables(paragraphs: ProseParagraph[], tables: TableIndex): Relation[] {
  const out: Relation[] = [];
  for (const para of paragraphs) {
    const p = para.parsed;
    for (const sentence of p.sentences.keys()) {
      const stated = new Map<string, Partial<Record<'budget' | 'actual', ReturnType<typeof toQuantity>>>>();
      // which figure of its stage each amount names (上年决算, 年初预算); a stage stated twice for one item names no one figure
      const figures = new Map<ReturnType<typeof toQuantity>, FigureOf>();
      const twice = new Set<string>();
      let lastItem = '';
      for (const q of p.quantities.filter((x) => x.sentence === sentence)) {
        if (family(q.unit) !== 'money' || q.bracketDepth > 0 || !usable(p, q)) continue;
        // none for a change or comparison of a stage (支出决算减少0.29万元): not the stage's figure
        const stage = stageOfLabel(q.label);
        if (!stage) continue;
        // the item named in the label, or, for a second amount of one subject (…，支出决算为Y), the one before
        const own = itemOfLabel(q.label.replace(/^.*?(?:其中)[:：]?/, ''));
        const item = itemCategories(own).length ? own : lastItem;
        if (!item || !itemCategories(item).length) continue;
        lastItem = item;
        const entry = stated.get(item) ?? {};
        if (entry[stage]) { twice.add(`${item}|${stage}`); continue; } // two amounts of one stage: not one figure
        entry[stage] = toQuantity(q, para.location);
        figures.set(entry[stage]!, figureOfLabel(q.label));
        stated.set(item, entry);
      }
      for (const [item, text] of stated) {
        for (const k of ['budget', 'actual'] as const) if (twice.has(`${item}|${k}`)) delete text[k];
        const look = (k: 'budget' | 'actual') => (text[k] ? tables.find(item, k, undefined, figures.get(text[k]!)) : undefined);
        const table = { budget: look('budget'), actual: look('actual') };
        const differs = (k: 'budget' | 'actual') => !!text[k] && !!table[k] && text[k]!.value !== table[k]!.value;
        const swapped = differs('budget') && differs('actual') && text.budget!.value === table.actual!.value && text.actual!.value === table.budget!.value;
        for (const k of ['budget', 'actual'] as const) {
          if (!differs(k) || (swapped && k === 'actual')) continue;
          out.push({
            kind: 'restated', key: swapped ? `${item}·${STAGE_NAME.budget}与${STAGE_NAME.actual}（文中二者互换）` : `${item}·${STAGE_NAME[k]}`,
            first: table[k]!, second: text[k]!, location: para.location, evidence: p.sentences[sentence].text.trim(),
          });
        }
      }
    }
  }
  return out;
}
