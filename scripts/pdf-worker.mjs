// Build step: writes dist/pdfjs/pdf.worker.mjs, pdf.js' worker half with its CFF font compiler skipped (see
// src/readers/pdf.ts, pdfWorkerModule, for why text extraction does not need it). node_modules stays untouched.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const require = createRequire(join(ROOT, 'package.json'));
const pdfjsRoot = dirname(createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/package.json'));
const { version } = JSON.parse(readFileSync(join(pdfjsRoot, 'package.json'), 'utf8'));
const source = readFileSync(join(pdfjsRoot, 'legacy', 'build', 'pdf.worker.mjs'), 'utf8');

// CFFCompiler.prototype.compile: the one method changed, found as pdfjs-dist 5.4.296 writes it
const COMPILE = '  compile() {\n    const cff = this.cff;\n    const output = {';
const SKIPPED = '  compile() {\n    return new Uint8Array(0);\n    const cff = this.cff;\n    const output = {';

const out = join(ROOT, 'dist', 'pdfjs', 'pdf.worker.mjs');
const at = source.indexOf(COMPILE);
if (at < 0 || source.indexOf(COMPILE, at + 1) >= 0) {
  // another pdfjs-dist: the reader then loads its worker half unchanged (slower, same text)
  rmSync(out, { force: true });
  console.warn(`scripts/pdf-worker.mjs: CFFCompiler.compile not found once in pdfjs-dist ${version}; PDFs are read with pdf.js' own worker`);
} else {
  // the first line is what the reader checks: the pdfjs-dist version this copy was made from
  const header = `// jixiao build of pdfjs-dist ${version} legacy/build/pdf.worker.mjs, CFFCompiler.compile skipped (scripts/pdf-worker.mjs)\n`;
  mkdirSync(dirname(out), { recursive: true });
  // without its source map: the map's lines would be off by the two added, and test tools go looking for it
  const body = source.slice(0, at) + SKIPPED + source.slice(at + COMPILE.length).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  writeFileSync(`${out}.tmp`, header + body);
  renameSync(`${out}.tmp`, out);
}
