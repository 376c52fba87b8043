// Builds the typed Report from a SourceDocument: prose relations plus table records.
import type { SourceDocument } from '../document.js';
import type { Report } from './schema.js';
import { extractProse } from './prose.js';
import { extractTables } from './tables.js';
import { recogniseForm } from './profiles/index.js';

export function extractReport(doc: SourceDocument): Report {
  const prose = extractProse(doc);
  const tables = extractTables(doc);
  const form = recogniseForm(doc);
  return {
    path: doc.path,
    meta: form ? { ...prose.meta, form: form.id, kind: prose.meta.kind ?? form.kind } : prose.meta,
    sections: prose.sections,
    facts: prose.facts,
    relations: [...prose.relations, ...tables.relations],
    indicators: tables.indicators,
    scoreItems: tables.scoreItems,
    budget: tables.budget,
  };
}
