// Builds the typed Report from a SourceDocument (to be implemented: grammar visitors over paragraphs and tables).
import type { SourceDocument } from '../document.js';
import type { Report } from './schema.js';

export function extractReport(doc: SourceDocument): Report {
  return { path: doc.path, meta: {}, sections: [], facts: [], relations: [], indicators: [], scoreItems: [], budget: [] };
}
