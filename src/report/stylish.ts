// Terminal formatter: findings grouped by file, one line each with expected/actual, and a closing count line.
import { Chalk } from 'chalk';
import type { Finding } from '../findings.js';
import type { FileResult } from '../pipeline.js';
import { actualOf, coverageText, expectedOf, formatLocation, relatedText, messageOf, severityLabel, type Summary, type FormatOptions, type Formatter, type Lang } from './common.js';
import { ui } from '../catalog/ui.js';

function paint(options: FormatOptions) {
  return new Chalk({ level: options.color ? 1 : 0 });
}

function detail(f: Finding, lang: Lang): string[] {
  const out: string[] = [];
  if (f.expected !== undefined || f.actual !== undefined) {
    const parts = [];
    if (f.expected !== undefined) parts.push(ui('expected', lang, { value: expectedOf(f, lang) }));
    if (f.actual !== undefined) parts.push(ui('actual', lang, { value: actualOf(f) }));
    out.push(parts.join(ui('pair-separator', lang)));
  }
  if (f.evidence) out.push(ui('evidence', lang, { text: f.evidence.replace(/\s+/g, ' ') }));
  const related = relatedText(f, lang);
  if (related) out.push(related);
  return out;
}

/** Every file gets its name and what was checked in it; a clean file that was read still says how much was checked. */
function fileBlock(r: FileResult, options: FormatOptions): string[] {
  const c = paint(options);
  const coverage = coverageText(r, options.lang);
  const head = c.underline(r.path) + (coverage ? `  ${c.dim(coverage)}` : '');
  if (r.findings.length === 0) return coverage ? [head] : [];
  const lines = [head];
  const locations = r.findings.map((f) => formatLocation(f.location, options.lang));
  const width = Math.max(...locations.map((l) => displayWidth(l)));
  r.findings.forEach((f, i) => {
    const label = severityLabel(f.severity, options.lang);
    const sev = f.severity === 'error' ? c.red(label) : f.severity === 'warning' ? c.yellow(label) : c.blue(label);
    lines.push(`  ${c.dim(padDisplay(locations[i], width))}  ${sev}  ${messageOf(f, options.lang)}  ${c.dim(f.rule)}`);
    for (const d of detail(f, options.lang)) lines.push(`      ${c.dim(d)}`);
  });
  lines.push('');
  return lines;
}

/** CJK characters take two terminal columns; pad by display width so columns line up. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function summaryLine(s: Summary, options: FormatOptions): string {
  const c = paint(options);
  const lang = options.lang;
  // --quiet lists errors only; the warnings still count, and the line says they were left out of the listing.
  const hidden = options.quiet && s.warnings > 0;
  const twinNote = s.twins ? ui('summary-twins', lang, { twins: s.twins }) : '';
  const text = ui('summary', lang, { ...s, twinNote }) + (hidden ? ui('summary-hidden', lang) : '') + (s.failed ? ui('summary-failed', lang, { failed: s.failed }) : '');
  const mark = s.errors ? '✖' : s.warnings ? '⚠' : '✔';
  return (s.errors ? c.red.bold : s.warnings ? c.yellow.bold : c.green.bold)(`${mark} ${text}`);
}

export const stylish: Formatter = {
  end: (results, options, summary) => [...results.flatMap((r) => fileBlock(r, options)), summaryLine(summary, options)].join('\n') + '\n',
};
