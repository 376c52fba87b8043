// GitHub Actions formatter: workflow commands (::error file=…,title=…::message) that appear as annotations.
import type { Finding } from '../findings.js';
import { formatLocation, messageOf, type Formatter } from './common.js';
import { summaryLine } from './stylish.js';
import { ui } from '../catalog/ui.js';

/** Message data: GitHub's toolkit escapes % CR LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape : and , (they delimit properties). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Documents have no source lines, so line/col are omitted (an annotation on a line number would point at
 * nothing in a .docx); the document location goes into the title instead.
 */
function annotation(f: Finding, lang: 'zh' | 'en'): string {
  const where = formatLocation(f.location, lang);
  const title = `jixiao ${f.rule}${where === '-' ? '' : ` ${where}`}`;
  let text = messageOf(f, lang);
  if (f.evidence) text += `\n${ui('evidence', lang, { text: f.evidence })}`;
  return `::${command[f.severity]} file=${escapeProperty(f.location.file)},title=${escapeProperty(title)}::${escapeData(text)}`;
}

export const github: Formatter = {
  file: (result, options) => result.findings.map((f) => annotation(f, options.lang) + '\n').join(''),
  end: (_results, options, summary) => summaryLine(summary, { ...options, color: false }) + '\n',
  streaming: true,
};
