// Runs every relation detector over a document's paragraphs, in a fixed order, and returns what they found.
import type { Relation } from '../../schema.js';
import { ProseContext, type ProseParagraph } from './context.js';
import { findBudgetCompletion, findRates } from './rate.js';
import { findShareRuns, findShares } from './share.js';
import { findPartSums, findTrailingPartSums } from './of-which.js';
import { findAdjustedSums, findMadeOf } from './sum-words.js';
import { findGrowth } from './growth.js';
import { findChanges, findChangeSums } from './change.js';
import { findListCounts } from './list-count.js';
import { findNumberedItems } from './numbered-items.js';
import { findScores, findSectionMaxima, findTotalScoreSum } from './score.js';
import { findGrades, findGradeBands } from './grade.js';

export { toQuantity, type ProseParagraph } from './context.js';
export { roleOf } from './rate.js';

/** Detectors that read one paragraph (and may look back at earlier ones). */
const PARAGRAPH_DETECTORS: Array<(ctx: ProseContext, i: number) => void> = [
  findRates, findBudgetCompletion, findShares, findPartSums, findAdjustedSums, findMadeOf, findGrowth, findChanges, findChangeSums, findListCounts,
  findNumberedItems, findTrailingPartSums, findScores, findGrades, findGradeBands,
];
/** Detectors that read the whole document once the paragraphs are done. */
const DOCUMENT_DETECTORS: Array<(ctx: ProseContext) => void> = [findSectionMaxima, findTotalScoreSum, findShareRuns];

export function findRelations(paragraphs: ProseParagraph[]): Relation[] {
  const ctx = new ProseContext(paragraphs);
  for (let i = 0; i < paragraphs.length; i++) for (const detect of PARAGRAPH_DETECTORS) detect(ctx, i);
  for (const detect of DOCUMENT_DETECTORS) detect(ctx);
  return ctx.relations;
}
