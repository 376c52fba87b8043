// Documents built from lines of text and checked through the whole pipeline, for tests of wordings: one temporary
// folder per test file, removed after it.
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from './read.js';
import { buildDocx } from './docx-build.js';
import { defaultConfig } from '../../src/config.js';

export type BuiltResult = Awaited<ReturnType<typeof checkFile>>;

/** A checker of built documents: each call writes the lines (one paragraph each) to a new .docx and checks it. */
export function builtDocs(name: string): (lines: string | string[]) => Promise<BuiltResult> {
  let dir = '';
  let n = 0;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), `jixiao-${name}-`)); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (lines) => checkFile(buildDocx(join(dir, `case-${n++}.docx`), typeof lines === 'string' ? [lines] : lines), defaultConfig);
}

/** The error findings of a result, each as `rule actual`. */
export const errorsOf = (result: BuiltResult): string[] => result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.actual}`);

/** The error and warning findings of a result but nothing-checked, each as `severity rule actual`. */
export const findingsOf = (result: BuiltResult): string[] => result.findings
  .filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.rule !== 'nothing-checked')
  .map((f) => `${f.severity} ${f.rule} ${f.actual ?? ''}`.trim());
