// Builds the typed Report from a SourceDocument: prose relations plus table records.
import type { SourceDocument } from '../document.js';
import type { Report } from './schema.js';
import { extractProse } from './prose/index.js';
import { extractTables, hiddenNumberCells } from './tables/index.js';
import { recogniseForm } from './forms/index.js';
import { formMeta } from './forms/meta.js';
import { summarizeReport } from './summary.js';

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function extractReport(doc: SourceDocument): Report {
  const prose = extractProse(doc);
  const tables = extractTables(doc);
  const form = recogniseForm(doc);
  // A form's kind is the form's; its unit and year, when no heading states them, are in its own cells.
  const meta: Report['meta'] = form ? { ...prose.meta, ...definedOnly(formMeta(doc)), form: form.id, kind: form.kind } : { ...prose.meta };
  const hidden = hiddenNumberCells(doc);
  if (hidden.length) meta.hiddenNumbers = hidden;
  const relations = [...prose.relations, ...tables.relations];
  return {
    path: doc.path,
    meta,
    sections: prose.sections,
    facts: prose.facts,
    relations,
    indicators: tables.indicators,
    scoreItems: tables.scoreItems,
    budget: tables.budget,
    summary: summarizeReport({ relations, budget: tables.budget }),
  };
}
