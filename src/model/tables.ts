// Table side of extraction: indicator tables, scoring sheets, budget blocks (to be implemented).
import type { SourceDocument } from '../document.js';
import type { Report } from './schema.js';

export function extractTables(doc: SourceDocument): Pick<Report, 'indicators' | 'scoreItems' | 'budget' | 'relations'> {
  void doc;
  return { indicators: [], scoreItems: [], budget: [], relations: [] };
}
