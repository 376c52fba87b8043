// Build step: writes dist/pdfjs/pdf.worker.mjs, pdf.js' worker half without the font work text extraction never uses
// (see src/readers/pdf.ts, pdfWorkerModule, for why). node_modules stays untouched.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PATCHES } from './pdf-worker-patches.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const require = createRequire(join(ROOT, 'package.json'));
const pdfjsRoot = dirname(createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/package.json'));
const { version } = JSON.parse(readFileSync(join(pdfjsRoot, 'package.json'), 'utf8'));
const source = readFileSync(join(pdfjsRoot, 'legacy', 'build', 'pdf.worker.mjs'), 'utf8');

const out = join(ROOT, 'dist', 'pdfjs', 'pdf.worker.mjs');
const missing = PATCHES.filter(({ find }) => { const at = source.indexOf(find); return at < 0 || source.indexOf(find, at + 1) >= 0; });
if (missing.length) {
  // another pdfjs-dist: the reader then loads its worker half unchanged (slower, same text)
  rmSync(out, { force: true });
  console.warn(`scripts/pdf-worker.mjs: ${missing.map((p) => p.name).join('; ')}: not found once in pdfjs-dist ${version}; PDFs are read with pdf.js' own worker`);
} else {
  // the first line is what the reader checks: the pdfjs-dist version this copy was made from
  const header = `// jixiao build of pdfjs-dist ${version} legacy/build/pdf.worker.mjs: ${PATCHES.map((p) => p.name).join('; ')} (scripts/pdf-worker.mjs)\n`;
  let body = source;
  for (const { find, replace } of PATCHES) body = body.replace(find, () => replace);
  mkdirSync(dirname(out), { recursive: true });
  // without its source map: the map's lines would be off by those added, and test tools go looking for it
  body = body.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  writeFileSync(`${out}.tmp`, header + body);
  renameSync(`${out}.tmp`, out);
}
