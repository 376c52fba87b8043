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

/**
 * A title that names the form. A sentence that mentions the form (项目支出绩效自评表中自评得分为94分。) is none: after the
 * form's name it goes on with 中/的 or a clause. A title may run into the line after it (a PDF's 2023年度项目支出绩效
 * 自评表单位名称：…).
 */
function namesForm(title: RegExp, text: string): boolean {
  const m = title.exec(text);
  // a title pattern that names a table (…自评表, 评分表) says so; a looser one (三公) stands anywhere in its line
  return m !== null && (!m[0].endsWith('表') || !SENTENCE_GOES_ON.test(text.slice(m.index + m[0].length)));
}
const SENTENCE_GOES_ON = /^[中的里内]|[。，,；;]/;

/** The profile a document's title names, or undefined for a document that is no form (a prose report). */
export function recogniseForm(doc: SourceDocument): FormProfile | undefined {
  const ts = titles(doc);
  return profiles.find((p) => ts.some((t) => namesForm(p.title, t) && !/报告$/.test(t)));
}
