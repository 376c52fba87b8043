// Prose side of extraction: meta, the outline, stated quantities and the relations sentences claim (to be implemented).
import type { SourceDocument } from '../document.js';
import type { Report } from './schema.js';

export function extractProse(doc: SourceDocument): Pick<Report, 'meta' | 'sections' | 'facts' | 'relations'> {
  void doc;
  return { meta: {}, sections: [], facts: [], relations: [] };
}
