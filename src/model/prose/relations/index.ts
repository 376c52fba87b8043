// Runs every relation detector over a document's paragraphs, in a fixed order, and returns what they found.
import type { Relation } from '../../schema.js';
import { ProseContext, type ProseParagraph } from './context.js';
import { findBudgetCompletion, findCountCompletion, findRates } from './rate.js';
import { findRespectiveShares, findShareRuns, findShares } from './share.js';
import { findAsideSums, findClassificationSums, findDetailedParts, findNamedWholeParts, findPartSums, findTotalsAfterParts, findTrailingPartSums } from './of-which.js';
import { findAdjustedSums, findMadeOf } from './sum-words.js';
import { findGrowth } from './growth.js';
import { findChanges, findChangeSums, findParallelChanges } from './change.js';
import { findListCounts } from './list-count.js';
import { findNamedRatios } from './named-ratio.js';
import { findDifferences } from './difference.js';
import { findRestated } from './restated.js';
import { findNumberedItems } from './numbered-items.js';
import { findScores, findSectionMaxima, findTotalScoreSum } from './score.js';
import { findGrades, findGradeBands } from './grade.js';

export { toQuantity, type ProseParagraph } from './context.js';
export { roleOf } from './rate.js';

/** Detectors that read one paragraph (and may look back at earlier ones). */
const PARAGRAPH_DETECTORS: Array<(ctx: ProseContext, i: number) => void> = [
  findRates, findBudgetCompletion, findCountCompletion, findNamedRatios, findShares, findRespectiveShares, findPartSums, findAsideSums, findTotalsAfterParts, findClassificationSums, findDetailedParts, findNamedWholeParts, findAdjustedSums, findMadeOf, findDifferences, findGrowth, findChanges, findParallelChanges, findChangeSums, findListCounts,
  findNumberedItems, findTrailingPartSums, findScores, findGrades, findGradeBands,
];
/** Detectors that read the whole document once the paragraphs are done. */
const DOCUMENT_DETECTORS: Array<(ctx: ProseContext) => void> = [findSectionMaxima, findTotalScoreSum, findShareRuns, findRestated];

export function findRelations(paragraphs: ProseParagraph[]): Relation[] {
  const ctx = new ProseContext(paragraphs);
  for (let i = 0; i < paragraphs.length; i++) for (const detect of PARAGRAPH_DETECTORS) detect(ctx, i);
  for (const detect of DOCUMENT_DETECTORS) detect(ctx);
  return ctx.relations;
}
