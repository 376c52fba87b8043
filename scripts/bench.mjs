// Throughput of reading: in-process per format, one CLI run end to end, and pdftotext on the same PDFs for scale.
// Usage: npm run bench [-- --dir fixtures --min 100]. Wall time, after one warm-up pass over every distinct file.
import { readdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg } from 'node:os';
import { readDocument } from '../dist/src/readers/index.js';

const FORMATS = ['docx', 'pdf', 'xlsx'];

function options(argv) {
  const opts = { dir: 'fixtures', min: 100 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir') opts.dir = argv[++i];
    else if (argv[i] === '--min') opts.min = Number(argv[++i]);
  }
  return opts;
}

/** The distinct corpus files, and the list repeated until it holds at least `min` files. */
function corpus(dir, min) {
  const distinct = readdirSync(dir)
    .filter((f) => FORMATS.includes(extname(f).slice(1).toLowerCase()))
    .sort()
    .map((f) => join(dir, f));
  if (!distinct.length) throw new Error(`no docx/pdf/xlsx files in ${dir}`);
  const repeated = [];
  while (repeated.length < min) repeated.push(...distinct);
  return { distinct, repeated };
}

const formatOf = (path) => extname(path).slice(1).toLowerCase();

/** Reads every distinct file once: warms the JIT and module caches, and learns page counts and failures. */
async function survey(distinct) {
  const info = new Map();
  for (const path of distinct) {
    const { document, findings } = await readDocument(path);
    const failed = findings.find((f) => f.severity === 'error' && ['read-error', 'timeout', 'legacy-format'].includes(f.rule));
    info.set(path, { pages: document.pages, failed: failed?.rule });
  }
  return info;
}

/** Time to read `files` one after another in this process. */
async function inProcess(files) {
  const start = performance.now();
  for (const path of files) await readDocument(path);
  return (performance.now() - start) / 1000;
}

/** Time for one `jixiao read` over all files, output discarded: startup, reading and JSON serialisation. */
function endToEnd(files) {
  return new Promise((ok, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [resolve('bin/jixiao'), 'read', ...files], { stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', fail);
    child.on('exit', (code) => ok({ seconds: (performance.now() - start) / 1000, code }));
  });
}

const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Time for pdftotext to extract the same PDFs, one process per file as a shell loop would. */
function pdftotext(files) {
  const start = performance.now();
  let failures = 0;
  for (const path of files) if (spawnSync('pdftotext', ['-q', path, '-'], { stdio: ['ignore', 'ignore', 'ignore'] }).status !== 0) failures++;
  return { seconds: (performance.now() - start) / 1000, failures };
}

function pdfinfoPages(path) {
  const out = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(out.stdout ?? '');
  return m ? Number(m[1]) : undefined;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}

const rate = (n, s) => (n === undefined || !s ? 'n/a' : (n / s).toFixed(1));

async function mainBench() {
  const opts = options(process.argv.slice(2));
  const { distinct, repeated } = corpus(opts.dir, opts.min);
  console.log(`corpus: ${distinct.length} distinct files in ${opts.dir}, repeated to ${repeated.length}; node ${process.version}`);
  // Other processes on the machine skew wall time; the load average says how much to trust the figures.
  console.log(`cpus: ${availableParallelism()}, load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const info = await survey(distinct);
  const hasPdfinfo = hasCommand('pdfinfo');
  // Page counts from our reader, or from pdfinfo while our pdf reader cannot read a file.
  const pages = new Map(distinct.map((p) => [p, info.get(p).pages ?? (formatOf(p) === 'pdf' && hasPdfinfo ? pdfinfoPages(p) : undefined)]));
  const totalPages = (files) => files.reduce((n, p) => (n === undefined || pages.get(p) === undefined ? undefined : n + pages.get(p)), 0);
  const failedDistinct = [...info].filter(([, v]) => v.failed).map(([p, v]) => `${p} (${v.failed})`);
  if (failedDistinct.length) console.log(`note: these files fail to read, so their timings measure the failure path:\n  ${failedDistinct.join('\n  ')}`);

  const failedCount = (files) => files.filter((p) => info.get(p).failed).length;
  const rows = [['what', 'files', 'failed', 'pages', 'seconds', 'files/s', 'pages/s']];
  for (const format of FORMATS) {
    const files = repeated.filter((p) => formatOf(p) === format);
    if (!files.length) continue;
    const seconds = await inProcess(files);
    const n = format === 'pdf' ? totalPages(files) : undefined;
    rows.push([`jixiao ${format} (in-process)`, files.length, failedCount(files), n ?? 'n/a', seconds.toFixed(2), rate(files.length, seconds), rate(n, seconds)]);
  }
  const all = await inProcess(repeated);
  rows.push(['jixiao all (in-process)', repeated.length, failedCount(repeated), 'n/a', all.toFixed(2), rate(repeated.length, all), 'n/a']);

  const e2e = await endToEnd(repeated);
  rows.push([`jixiao read CLI, one run (exit ${e2e.code})`, repeated.length, failedCount(repeated), 'n/a', e2e.seconds.toFixed(2), rate(repeated.length, e2e.seconds), 'n/a']);

  const pdfs = repeated.filter((p) => formatOf(p) === 'pdf');
  if (pdfs.length && hasCommand('pdftotext')) {
    pdftotext([...new Set(pdfs)]); // warm the page cache like the survey did for jixiao
    const ref = pdftotext(pdfs);
    const n = totalPages(pdfs);
    rows.push(['pdftotext pdf (process per file)', pdfs.length, ref.failures, n ?? 'n/a', ref.seconds.toFixed(2), rate(pdfs.length, ref.seconds), rate(n, ref.seconds)]);
  } else if (pdfs.length) {
    rows.push(['pdftotext pdf', 'not installed', '', '', '', '', '']);
  }

  console.log('\n' + table(rows));
  console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('\nWall time, sequential, single thread. docx/xlsx have no page count (n/a). pdftotext only extracts text;');
  console.log('jixiao also builds the document model (paragraphs, tables, merged cells).');
}

await mainBench();
