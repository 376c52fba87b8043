// Which stated numbers jixiao checks: every number of every paragraph and table cell changed in turn (first digit + 1).
// usage: node scripts/number-coverage.mjs [--claims CLAIMS.tsv] FILE...   (npm run build first)
//   FILE: a report (.docx .pdf .xlsx …), or a .txt of paragraphs (one per line; `===` starts another document, `#` lines
//   are comments; half-width ，；：（） are made full width, as the development sets restore them).
//   Prints each paragraph and cell with a mark after every number: [✓] the change gives a new error, [~] only a new
//   warning, [ ] nothing; then `N/M numbers caught` per document.
//   --claims: a TSV of claims recomputed by hand (FILE, STATED as written, KIND, STATUS, EXPR, COMPLETE, WHERE, QUOTE;
//   no header): each claim is `ok` when some occurrence of its stated number is caught, `warn` when only warned, `un`
//   when none is; prints the claims not caught and a count per kind. (A small change may stay inside the precision of
//   integers: 10 − 9 against 2 passes. Treat `un` on one-digit operands with care.)
import { readFileSync } from 'node:fs';
import { readDocument } from '../dist/src/readers/index.js';
import { extractReport } from '../dist/src/model/extract.js';
import { runChecks } from '../dist/src/checks/index.js';
import { defaultConfig } from '../dist/src/config.js';

const args = process.argv.slice(2);
const claimsAt = args.indexOf('--claims');
const claimsFile = claimsAt >= 0 ? args.splice(claimsAt, 2)[1] : undefined;
if (!args.length) {
  console.error('usage: node scripts/number-coverage.mjs [--claims CLAIMS.tsv] FILE...');
  process.exit(2);
}

const NUMBER = /\d[\d,，]*(?:\.\d+)?/g;
const fullWidth = (line) => line.replace(/,(?!\d{3}(?!\d))|(?<!\d),/g, '，').replace(/;/g, '；').replace(/(?<!\d):(?!\d)/g, '：')
  .replace(/\(/g, '（').replace(/\)/g, '）');
const changed = (text, at) => text.slice(0, at) + (text[at] === '9' ? '8' : String(Number(text[at]) + 1)) + text.slice(at + 1);

/** The error and warning findings of a document, as comparable strings. */
function findingsOf(document) {
  let report;
  try {
    report = extractReport(document);
  } catch (err) {
    return new Set([`crash ${err.message}`]);
  }
  return new Set(runChecks(report, defaultConfig).filter((f) => f.severity !== 'info' && f.rule !== 'nothing-checked')
    .map((f) => `${f.severity}|${f.rule}|${f.messageId}|${f.actual}|${f.expected}`));
}

function markOf(base, document) {
  const added = [...findingsOf(document)].filter((f) => !base.has(f));
  return added.some((f) => f.startsWith('error')) ? '✓' : added.length ? '~' : ' ';
}

/** The document with every number marked; the marks of the numbers in order. */
function cover(document) {
  const base = findingsOf(document);
  const lines = [];
  const marks = [];
  const marked = (text, mutate) => {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(NUMBER)) {
      const mark = markOf(base, mutate(changed(text, m.index)));
      marks.push([m[0].replace(/[,，]/g, ''), mark]);
      out += `${text.slice(last, m.index + m[0].length)}[${mark}]`;
      last = m.index + m[0].length;
    }
    return last ? out + text.slice(last) : undefined;
  };
  document.blocks.forEach((block, b) => {
    if (block.type === 'paragraph') {
      const line = marked(block.text, (text) => ({ ...document, blocks: document.blocks.map((x, k) => (k === b ? { ...x, text } : x)) }));
      if (line) lines.push(`P${b}: ${line}`);
      return;
    }
    if (block.type !== 'table') return;
    lines.push(`T${b}:`);
    block.rows.forEach((row, r) => {
      const cells = row.map((cell, c) => {
        if (cell.covered) return undefined;
        // a merged cell's copies change with it
        const mutate = (text) => {
          const rows = block.rows.map((cols, rr) => cols.map((x, cc) => (rr >= r && rr < r + (cell.rowSpan ?? 1) && cc >= c && cc < c + (cell.colSpan ?? 1)
            && x.text === cell.text ? { ...x, text } : x)));
          return { ...document, blocks: document.blocks.map((x, k) => (k === b ? { ...x, rows } : x)) };
        };
        return marked(cell.text ?? '', mutate) ?? cell.text ?? '';
      }).filter((x) => x !== undefined);
      lines.push(`  r${r}: ${cells.join(' | ')}`);
    });
  });
  return { lines, marks };
}

/** The documents of a file: a report as read, or the paragraphs of a .txt. */
async function documentsOf(path) {
  if (!path.endsWith('.txt')) return [(await readDocument(path)).document];
  return readFileSync(path, 'utf8').split(/^===.*$/m)
    .map((part) => part.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map(fullWidth))
    .filter((ls) => ls.length)
    .map((ls) => ({ path: 'paragraphs.docx', format: 'docx', blocks: ls.map((text) => ({ type: 'paragraph', text })) }));
}

const marksByFile = new Map();
for (const path of args) {
  const all = [];
  for (const document of await documentsOf(path)) {
    const { lines, marks } = cover(document);
    console.log(`##### ${path}`);
    for (const line of lines) console.log(line);
    console.log(`  == ${marks.filter(([, m]) => m === '✓').length}/${marks.length} numbers caught`);
    all.push(...marks);
  }
  marksByFile.set(path, all);
}

if (claimsFile) {
  const counts = {};
  const missed = [];
  for (const line of readFileSync(claimsFile, 'utf8').split('\n')) {
    const [file, stated, kind, status, expr, , , quote] = line.split('\t');
    const marks = marksByFile.get(file);
    if (!marks || !stated || kind === 'none') continue;
    const hits = marks.filter(([n]) => Number(n) === Number(stated.replace(/[,，]/g, '')));
    const found = hits.some(([, m]) => m === '✓') ? 'ok' : hits.some(([, m]) => m === '~') ? 'warn' : hits.length ? 'un' : 'not found';
    counts[found] = (counts[found] ?? 0) + 1;
    counts[`${kind}/${found}`] = (counts[`${kind}/${found}`] ?? 0) + 1;
    if (found !== 'ok') missed.push(`${found.padEnd(9)} ${kind.padEnd(6)} ${status.padEnd(7)} ${file} ${stated} :: ${expr} :: ${quote}`);
  }
  console.log('\n##### claims not caught');
  for (const line of missed) console.log(line);
  console.log(Object.entries(counts).sort().map(([k, v]) => `${k}=${v}`).join(' '));
}
