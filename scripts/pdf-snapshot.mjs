// Writes `jixiao read` and `jixiao extract` of every PDF under the given folders, one file each, so that two builds
// can be compared byte for byte (`diff -r OUT1 OUT2`) after a change to the PDF reader.
// Usage: node scripts/pdf-snapshot.mjs OUT [--bin PATH] [FOLDER...]   (default folders: fixtures, test/data; name others, e.g. a development set, as FOLDER)
import { mkdirSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const out = resolve(args.shift() ?? 'pdf-snapshot');
let bin = join(ROOT, 'bin/jixiao');
const folders = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--bin') bin = resolve(args[++i]);
  else folders.push(resolve(args[i]));
}
if (!folders.length) folders.push(...['fixtures', 'test/data'].map((f) => resolve(ROOT, f)).filter(existsSync));

const pdfs = (dir) => readdirSync(dir).flatMap((name) => {
  const p = join(dir, name);
  return statSync(p).isDirectory() ? pdfs(p) : name.toLowerCase().endsWith('.pdf') ? [p] : [];
});
const files = folders.flatMap(pdfs).sort();
mkdirSync(out, { recursive: true });
for (const file of files) {
  const name = relative(ROOT, file).replace(/^(\.\.\/)+/, "").replace(/\//g, "__");
  for (const command of ['read', 'extract']) {
    // one file per call, so a failure of one shows on that file alone; relative path, so two checkouts compare
    const r = spawnSync(process.execPath, [bin, command, relative(ROOT, file)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    writeFileSync(join(out, `${name}.${command}.json`), `exit ${r.status}\n${r.stdout}${r.stderr ? `\nstderr:\n${r.stderr}` : ''}`);
  }
}
console.log(`${files.length} PDFs, read and extract, written to ${out}`);
