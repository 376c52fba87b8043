// Prose relations as a test reads them: one line per relation with its operands as written, from a test copy or built paragraphs.
import { extractProse } from '../../src/model/prose/index.js';
import { readDocument } from '../../src/readers/index.js';
import type { SourceDocument } from '../../src/document.js';
import type { Relation, Quantity } from '../../src/model/schema.js';

export const raw = (q?: Quantity) => (q ? q.raw.replace(/\s+/g, '') : '_');

/** Kinds without a line of their own: named by their kind (`'name'`) or left out (`'omit'`). */
export type OtherKinds = 'name' | 'omit';

/** The rate, share, sum and growth relations as the report writes them: operands as written. */
export function project(rs: Relation[], others: OtherKinds = 'omit'): string[] {
  return rs.flatMap((r) => {
    switch (r.kind) {
      case 'rate': return [`rate ${r.name} ${raw(r.rate)} = ${raw(r.numerator)} / ${r.denominators.map(raw).join('|')}`];
      case 'share': return [`share ${raw(r.whole)}: ${r.parts.map((p) => `${raw(p.part)}→${raw(p.share)}`).join(', ')}${r.complete ? ' complete' : ''}`];
      case 'sum': return [`sum ${raw(r.total)} = ${r.parts.map(raw).join(' + ')}${r.exhaustive ? '' : ' (partial)'}`];
      case 'growth': return [`growth ${r.direction} ${raw(r.previous)}→${raw(r.current)} Δ${raw(r.change)} ${raw(r.rate)}`];
      case 'list-count': return [`list-count ${[r.count, ...(r.also ?? [])].map(raw).join('+')} [${r.items.length}]`];
      default: return others === 'name' ? [r.kind] : [];
    }
  });
}

/** The relations of a development-set copy in test/data/reports (or test/data/reports2 …). */
export async function reportRelations(name: string, others: OtherKinds = 'omit', set = 'reports'): Promise<string[]> {
  const { document } = await readDocument(`test/data/${set}/${name}`);
  return project(extractProse(document).relations, others);
}

/** The relations of paragraphs built here, one per line. */
export function lineRelations(lines: string[], others: OtherKinds = 'omit'): string[] {
  const doc: SourceDocument = { path: 'built.docx', format: 'docx', blocks: lines.map((text) => ({ type: 'paragraph', text })) };
  return project(extractProse(doc).relations, others);
}
