// JUnit XML formatter for CI test reports: one <testsuite> per file, one <testcase> per rule, failures for errors.
import type { Finding } from '../findings.js';
import type { FileResult } from '../pipeline.js';
import { actualOf, expectedOf, formatLocation, messageOf, relatedText, rulesFor, type FormatOptions, type Formatter } from './common.js';
import { ui } from '../catalog/ui.js';

/** XML 1.0 forbids most control characters and lone surrogates even when escaped: drop them. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function describe(f: Finding, options: FormatOptions): string {
  const lines = [`${formatLocation(f.location, options.lang)}: ${messageOf(f, options.lang)}`];
  const lang = options.lang;
  if (f.expected !== undefined) lines.push(`  ${ui('expected-line', lang, { value: expectedOf(f, lang) })}`);
  if (f.actual !== undefined) lines.push(`  ${ui('actual-line', lang, { value: actualOf(f) })}`);
  if (f.evidence) lines.push(`  ${ui('evidence-line', lang, { text: f.evidence })}`);
  const related = relatedText(f, lang);
  if (related) lines.push(`  ${related}`);
  return lines.join('\n');
}

function testcase(result: FileResult, rule: string, options: FormatOptions): { xml: string; failed: boolean } {
  const mine = result.findings.filter((f) => f.rule === rule);
  const errors = mine.filter((f) => f.severity === 'error');
  const others = mine.filter((f) => f.severity !== 'error');
  const open = `    <testcase name="${xmlText(rule)}" classname="${xmlText(result.path)}"`;
  if (mine.length === 0) return { xml: `${open}/>`, failed: false };
  const body: string[] = [`${open}>`];
  if (errors.length) {
    const headline = errors.length === 1 ? messageOf(errors[0], options.lang)
      : ui('junit-errors', options.lang, { count: errors.length, message: messageOf(errors[0], options.lang) });
    body.push(`      <failure message="${xmlText(headline)}" type="${xmlText(rule)}">${xmlText(errors.map((f) => describe(f, options)).join('\n'))}</failure>`);
  }
  if (others.length) body.push(`      <system-out>${xmlText(others.map((f) => `[${f.severity}] ${describe(f, options)}`).join('\n'))}</system-out>`);
  body.push('    </testcase>');
  return { xml: body.join('\n'), failed: errors.length > 0 };
}

export const junit: Formatter = {
  end: (results, options) => {
    const suites: string[] = [];
    let tests = 0, failures = 0;
    for (const r of results) {
      const cases = rulesFor(r, options).map((rule) => testcase(r, rule, options));
      const failed = cases.filter((c) => c.failed).length;
      tests += cases.length;
      failures += failed;
      suites.push([
        `  <testsuite name="${xmlText(r.path)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">`,
        '    <properties>',
        `      <property name="format" value="${xmlText(r.format)}"/>`,
        `      <property name="status" value="${xmlText(r.status)}"/>`,
        '    </properties>',
        ...cases.map((c) => c.xml),
        '  </testsuite>',
      ].join('\n'));
    }
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="jixiao" tests="${tests}" failures="${failures}" errors="0">`,
      ...suites,
      '</testsuites>',
    ].join('\n') + '\n';
  },
};
