// Copies of test/data files with one number changed (docx run text, xlsx cell, PDF glyph codes), and the finding a
// mutation test expects: shared by the form and the table mutation tests.
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { checkFile } from '../../src/pipeline.js';
import { defaultConfig } from '../../src/config.js';
import { modelLocation, type Location, type RenderedFinding as Finding } from '../../src/findings.js';
import { allSaid } from './said.js';
import { mutatePdf } from './pdf-mutate.js';

/** A scratch folder for one test file's copies: `make(prefix)` in beforeAll, `remove()` in afterAll. */
export function scratch() {
  let dir = '';
  let serial = 0;
  return {
    make(prefix: string) { dir = mkdtempSync(join(tmpdir(), prefix)); },
    remove() { rmSync(dir, { recursive: true, force: true }); },
    path(name: string) { return join(dir, `${++serial}-${name.replace(/.*\//, '')}`); },
  };
}
export type Scratch = ReturnType<typeof scratch>;

/** The n-th (0-based) cell text `from` in word/document.xml, written as a whole run text, replaced by `to`. */
export function mutateDocx(s: Scratch, name: string, from: string, to: string, nth = 0): string {
  const zip = unzipSync(readFileSync(`test/data/${name}`));
  const xml = strFromU8(zip['word/document.xml']);
  const needle = `>${from}<`;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = xml.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${from} occurs fewer than ${nth + 1} times in ${name}`);
  }
  zip['word/document.xml'] = strToU8(xml.slice(0, at) + `>${to}<` + xml.slice(at + needle.length));
  const path = s.path(name);
  writeFileSync(path, zipSync(zip));
  return path;
}

/** The cell's text replaced, as a text cell: the fixtures write every number as text so its digits stay as written. */
export async function mutateXlsx(s: Scratch, name: string, sheet: string, cell: string, from: string, to: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(`test/data/${name}`);
  const c = wb.getWorksheet(sheet)!.getCell(cell);
  expect(c.text).toBe(from); // the test changes the number it means to change
  c.value = to;
  const path = s.path(name);
  await wb.xlsx.writeFile(path);
  return path;
}

export function mutatePdfFile(s: Scratch, name: string, from: string, to: string, nth = 0): string {
  const path = s.path(name);
  writeFileSync(path, mutatePdf(readFileSync(`test/data/${name}`), from, to, nth));
  return path;
}

export const findingsOf = async (path: string): Promise<Finding[]> => allSaid((await checkFile(path, defaultConfig)).findings);
export const show = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.rule, f.severity, f.location, f.message]), null, 1);

/** An error of `rule` at `where` that carries the changed number (as the actual, in the message or in the evidence). */
export function expectHit(found: Finding[], rule: string, where: Partial<Location>, changed: string): void {
  const hit = found.find((f) => f.rule === rule && f.severity === 'error'
    // the cases give rows and columns as the document model counts them (0-based); a finding says them 1-based
    && Object.entries(where).every(([k, v]) => (modelLocation(f.location) as Record<string, unknown>)[k] === v)
    && [f.actual, f.message, f.evidence].some((t) => t?.includes(changed)));
  expect(hit, `${rule} at ${JSON.stringify(where)} quoting ${changed} among ${show(found)}`).toBeDefined();
}

/** The first occurrence of `from` anywhere in word/document.xml's text replaced by `to` (a phrase inside a paragraph). */
export function rewriteDocx(s: Scratch, name: string, from: string, to: string): string {
  const zip = unzipSync(readFileSync(`test/data/${name}`));
  const xml = strFromU8(zip['word/document.xml']);
  if (!xml.includes(from)) throw new Error(`${from} is not in ${name}`);
  zip['word/document.xml'] = strToU8(xml.replace(from, to));
  const path = s.path(name);
  writeFileSync(path, zipSync(zip));
  return path;
}
