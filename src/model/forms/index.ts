// The registry of form profiles, and recognising which one a document is.
import type { SourceDocument } from '../../document.js';
import { projectForm } from './profiles/project-form.js';
import { deptOverallForm } from './profiles/dept-overall.js';
import { scoreSheet } from './profiles/score-sheet.js';
import { sangongTable } from './profiles/sangong.js';
import { fundStatement } from './profiles/fund-statement.js';
import type { FormProfile } from './types.js';

export type { BlockKind, FormBlock, FormProfile, Role, RoleTest } from './types.js';

/** Every profile, most specific first: a document is the first profile whose title it carries. */
export const profiles: FormProfile[] = [projectForm, deptOverallForm, scoreSheet, fundStatement, sangongTable];

/** Row words of a deduction (扣分项) in a scoring sheet, from every profile that names one. */
export const deductionRows: RegExp[] = profiles.flatMap((p) => (p.rows?.deduction ? [p.rows.deduction] : []));

/** The notes that state the indicator scoring rule, from every profile. */
export const statedRules: RegExp[] = profiles.flatMap((p) => (p.statedRule ? [p.statedRule] : []));

/** Where a title sits: a short paragraph, a sheet name, or a table's first rows (the title merged across). */
function titles(doc: SourceDocument): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') {
      const t = b.text.replace(/\s+/g, '');
      if (t && t.length <= 40) out.push(t);
    } else {
      if (b.sheet) out.push(b.sheet);
      for (const row of b.rows.slice(0, 2)) {
        const t = (row[0]?.text ?? '').replace(/\s+/g, '');
        if (t && t.length <= 40) out.push(t);
      }
    }
  }
  return out;
}

/** The profile a document's title names, or undefined for a document that is no form (a prose report). */
export function recogniseForm(doc: SourceDocument): FormProfile | undefined {
  const ts = titles(doc);
  return profiles.find((p) => ts.some((t) => p.title.test(t) && !/报告$/.test(t)));
}
