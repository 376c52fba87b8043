// Benchmark of record: `jixiao check -f ndjson` end to end per format, --jobs 1 and 2, beside pdftotext and pandoc.
// Usage: npm run bench -- --dir FOLDER [--files 200 --repeat 5 --small 1,2,4,8,16,50 --scaling 100,500,1000,2000 --write]
//   --dir D       the reports to measure (default fixtures/); any folder of reports, named at run time (never committed)
//   --files N     each format's distinct files repeated (as hard links) to at least N files (default 200)
//   --repeat R    runs of every measurement (default 5), interleaved: run 1 of each, then run 2 of each, …; medians
//   --small L     batch sizes (PDFs of --dir) timed at the default --jobs against --jobs 1 (default 1,2,4,8,16,50); "none" skips
//   --crossover L batch sizes (PDFs) timed on one worker against two, whatever the policy (default 8,16,24,32,50): where a
//                 second worker starts to pay, i.e. what FILES_PER_WORKER in src/batch.ts should be; "none" skips
//   --scaling L   file counts for the ndjson memory check (all formats mixed, --jobs 2); "none" skips it
//   --formats L   formats to measure (default docx,pdf,xlsx)
//   --max-load X  the 1-minute load average a record needs before it starts (default 0.5): above it --write is refused
//   --wait S      wait up to S seconds for the load to fall below --max-load before starting
//   --force       write even above --max-load (the report then says so)
//   --quick       a short trial (--files 40 --repeat 1 --small 1,4,16 --scaling none); refuses --write
//   --write       put the results into BENCHMARKS.md between its bench markers (the prose around them is kept)
//   --bin PATH    the jixiao to measure (default bin/jixiao of this checkout), e.g. an older build to compare with
//   --help        print this usage and exit
import { copyFileSync, linkSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';

const FORMATS = ['docx', 'pdf', 'xlsx'];
const ROOT = resolve(new URL('..', import.meta.url).pathname);
let JIXIAO = join(ROOT, 'bin/jixiao');
const TIME = '/usr/bin/time';

/** Prints the usage written at the top of this file (its opening comment) and exits. */
function usage() {
  const lines = readFileSync(new URL(import.meta.url), 'utf8').split('\n');
  const end = lines.findIndex((line) => !line.startsWith('//'));
  process.stdout.write(lines.slice(0, end).map((line) => line.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}

function options(argv) {
  const opts = {
    dir: join(ROOT, 'fixtures'), files: 200, repeat: 5, scaling: [100, 500, 1000, 2000], small: [1, 2, 4, 8, 16, 50], formats: FORMATS,
    crossover: [8, 16, 24, 32, 50], write: false, quick: false, force: false, maxLoad: 0.5, wait: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i];
    const list = (v) => (v === 'none' ? [] : v.split(',').map(Number));
    switch (argv[i]) {
      case '--dir': opts.dir = resolve(next()); break;
      case '--files': opts.files = Number(next()); break;
      case '--repeat': opts.repeat = Math.max(1, Number(next())); break;
      case '--scaling': opts.scaling = list(next()); break;
      case '--small': opts.small = list(next()); break;
      case '--crossover': opts.crossover = list(next()); break;
      case '--quick': Object.assign(opts, { quick: true, files: 40, repeat: 1, scaling: [], small: [1, 4, 16], crossover: [16] }); break;
      case '--formats': opts.formats = next().split(','); break;
      case '--max-load': opts.maxLoad = Number(next()); break;
      case '--wait': opts.wait = Number(next()); break;
      case '--force': opts.force = true; break;
      case '--write': opts.write = true; break;
      case '--bin': JIXIAO = resolve(next()); break;
      case '--help': case '-h': usage(); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (opts.quick && opts.write) throw new Error('--quick is a trial run: its figures do not go into BENCHMARKS.md (drop --write)');
  return opts;
}

const formatOf = (path) => extname(path).slice(1).toLowerCase();
const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8' });
const hasCommand = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const firstLine = (s) => (s ?? '').split('\n').find((l) => l.trim()) ?? '';
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const load1 = () => loadavg()[0];

/** The build measured: this checkout's commit (and whether its sources differ from it), or the path given with --bin. */
function measuredBuild() {
  if (JIXIAO !== join(ROOT, 'bin/jixiao')) return JIXIAO;
  const head = run('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']).stdout?.trim();
  if (!head) return 'bin/jixiao';
  const dirty = run('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'grammars', 'bin', 'scripts', 'package.json']).stdout?.trim();
  return `bin/jixiao at commit ${head}${dirty ? ' with uncommitted changes' : ''}`;
}

function machine() {
  const osRelease = existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  const cpuModel = existsSync('/proc/cpuinfo') ? /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] : undefined;
  return {
    cpu: cpuModel ?? cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    ram: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${osRelease ?? type()} (${type()} ${release()})`,
    pdftotext: hasCommand('pdftotext') ? firstLine(run('pdftotext', ['-v']).stderr) : undefined,
    pandoc: hasCommand('pandoc') ? firstLine(run('pandoc', ['--version']).stdout) : undefined,
  };
}

/** The distinct files of each format, and per format a folder of hard links repeating them to at least `min` files. */
function corpus(dir, min, formats, tmp) {
  const distinct = readdirSync(dir).filter((f) => formats.includes(formatOf(f))).sort().map((f) => join(dir, f));
  const sets = {};
  for (const format of formats) {
    const files = distinct.filter((p) => formatOf(p) === format);
    if (!files.length) continue;
    sets[format] = { distinct: files, ...repeatInto(join(tmp, format), files, min) };
  }
  return { distinct, sets };
}

/**
 * Hard links to `files` (copies across file systems), repeated in order until there are at least `min`; numbered so a
 * folder walk keeps that order. Not symlinks: jixiao checks a file reached through two links once (by its real path).
 * `exact` stops at `min` files even mid-round (the batch sizes).
 */
function repeatInto(folder, files, min, exact = false) {
  mkdirSync(folder, { recursive: true });
  const links = [];
  for (let i = 0; exact ? links.length < min : links.length < min || i % files.length !== 0; i++) {
    const src = files[i % files.length];
    const link = join(folder, `${String(i).padStart(5, '0')}-${basename(src)}`);
    try { linkSync(src, link); } catch { copyFileSync(src, link); }
    links.push({ link, src });
  }
  return { folder, links };
}

/** Page counts of the PDFs from pdfinfo (the reference tools' own count); a file pdfinfo cannot open counts 0. */
function pdfPages(files) {
  const pages = new Map();
  if (!hasCommand('pdfinfo')) return pages;
  for (const f of files) {
    const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [f]).stdout ?? '');
    if (m) pages.set(f, Number(m[1]));
  }
  return pages;
}

/**
 * Runs one command under GNU time: wall time from here (process start to exit), peak RSS and CPU from wait4's rusage.
 * Worker threads live in the process, so its peak RSS covers them; for a shell pipeline the figure is the largest
 * single process (rusage of waited-for children reports the maximum, not the sum), and CPU is all processes'.
 */
function timed(cmd, args, { countLines = false, env } = {}) {
  return new Promise((ok, fail) => {
    const out = join(tmpdir(), `jixiao-bench-time-${process.pid}`);
    const useTime = existsSync(TIME);
    const argv = useTime ? ['-f', '%M %U %S', '-o', out, cmd, ...args] : args;
    const loadBefore = load1();
    const start = performance.now();
    const child = spawn(useTime ? TIME : cmd, argv, { stdio: ['ignore', countLines ? 'pipe' : 'ignore', 'pipe'], ...(env ? { env } : {}) });
    let lines = 0;
    let stderr = '';
    child.stdout?.on('data', (chunk) => { for (const b of chunk) if (b === 10) lines++; });
    child.stderr.on('data', (chunk) => { if (stderr.length < 4000) stderr += chunk; });
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      let rssMb, cpu;
      if (useTime && existsSync(out)) {
        const [kb, user, sys] = readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        rssMb = kb / 1024;
        cpu = user + sys;
        rmSync(out, { force: true });
      }
      ok({ seconds, rssMb, cpu, code, lines, stderr, loadBefore, loadAfter: load1() });
    });
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Runs of one measurement summed up: median wall and CPU, largest peak RSS, the load before the first and after the last. */
function summary(runs) {
  return {
    seconds: median(runs.map((r) => r.seconds)),
    cpu: runs.every((r) => r.cpu !== undefined) ? median(runs.map((r) => r.cpu)) : undefined,
    rssMb: runs.every((r) => r.rssMb !== undefined) ? Math.max(...runs.map((r) => r.rssMb)) : undefined,
    runs: runs.map((r) => r.seconds),
    loadBefore: Math.max(...runs.map((r) => r.loadBefore)),
    load: `${runs[0].loadBefore.toFixed(2)} → ${runs[runs.length - 1].loadAfter.toFixed(2)}`,
  };
}

/**
 * Runs every measurement `repeat` times, interleaved (run 1 of each in turn, then run 2 of each, …), so that a change
 * in the machine's load falls on all of them alike rather than on whichever was measured then. Each run is checked
 * (`verify` throws when it did not do the whole job). Returns the summaries by name.
 */
async function interleaved(repeat, measurements, log) {
  const runs = Object.fromEntries(Object.keys(measurements).map((k) => [k, []]));
  for (let i = 0; i < repeat; i++) {
    // the order alternates between rounds: nothing is always measured first (cold caches) or last
    const names = Object.keys(measurements);
    if (i % 2) names.reverse();
    for (const name of names) {
      const { fn, verify } = measurements[name];
      const r = await fn();
      verify?.(r);
      runs[name].push(r);
    }
    log?.(i + 1);
  }
  return Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, summary(rs)]));
}

/** Which distinct files each tool fails on (read errors, encryption): counted per run from the repetitions. */
function failures(distinct) {
  const out = { jixiao: new Set() };
  const run1 = spawnSync(process.execPath, [JIXIAO, 'check', '-f', 'ndjson', '--jobs', '1', ...distinct], { encoding: 'utf8', maxBuffer: 1 << 28 });
  for (const line of run1.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const r = JSON.parse(line);
    if (r.status === 'failed') out.jixiao.add(resolve(r.path));
  }
  for (const [format, ref] of Object.entries(REFERENCE)) {
    if (!hasCommand(ref.tool)) continue;
    out[format] = new Set(distinct.filter((f) => formatOf(f) === format && spawnSync('sh', ['-c', `${ref.command.replace('{}', '"$1"')} > /dev/null 2>&1`, 'sh', f]).status !== 0));
  }
  return out;
}

/** `jobs` undefined runs with the default --jobs (as a user who gives none); `filesPerWorker` overrides the policy. */
const jixiaoCheck = (folder, jobs, filesPerWorker) => timed(process.execPath, [JIXIAO, 'check', '-f', 'ndjson', ...(jobs === undefined ? [] : ['--jobs', String(jobs)]), folder],
  { countLines: true, env: filesPerWorker === undefined ? undefined : { ...process.env, JIXIAO_FILES_PER_WORKER: String(filesPerWorker) } });

/** ndjson writes one line per file; anything less, or exit 2, means the run did not check everything. */
const checkedAll = (files, what) => (r) => {
  if (r.code === 2 || r.lines < files) throw new Error(`${what}: exit ${r.code}, ${r.lines} lines for ${files} files\n${r.stderr}`);
};

/** One reference-tool process per file, `parallel` at a time, as `xargs -P` runs a shell loop; output discarded. */
function referenceTool(listFile, parallel, command) {
  return timed('sh', ['-c', `xargs -0 -P ${parallel} -I{} ${command} < "$1" > /dev/null 2>&1; true`, 'sh', listFile]);
}

const REFERENCE = {
  pdf: { tool: 'pdftotext', command: 'pdftotext -q {} -' },
  docx: { tool: 'pandoc', command: 'pandoc -f docx -t plain {}' },
};

function fmt(n, digits = 1) {
  return n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits);
}

/** A Markdown table; the first `left` columns are text (left-aligned), the rest figures. */
function table(rows, left = 1) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const cell = (c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]));
  const line = (r) => `| ${r.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < left ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** Waits up to `seconds` for the 1-minute load average to fall below `max`; returns the load then. */
async function quiet(max, seconds) {
  const until = Date.now() + seconds * 1000;
  while (load1() >= max && Date.now() < until) {
    console.log(`load ${load()}: waiting for the 1-minute load to fall below ${max}…`);
    await sleep(15_000);
  }
  return load1();
}

async function main() {
  const opts = options(process.argv.slice(2));
  const m = machine();
  const build = measuredBuild();
  console.log(`jixiao benchmark: ${build}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM; node ${m.node}; ${m.os}`);
  console.log(`reference tools: ${m.pdftotext ?? 'pdftotext not installed'}; ${m.pandoc ?? 'pandoc not installed'}`);
  const startLoad = opts.wait > 0 ? await quiet(opts.maxLoad, opts.wait) : load1();
  const busy = startLoad >= opts.maxLoad;
  console.log(`load average at start: ${load()}${busy ? ` — at or above ${opts.maxLoad}: not a record` : ''}${existsSync(TIME) ? '' : `; ${TIME} missing, so no peak memory or CPU figures`}`);
  if (busy && opts.write && !opts.force) {
    throw new Error(`the 1-minute load is ${startLoad.toFixed(2)} (≥ ${opts.maxLoad}): other work would be measured too, so nothing is written. `
      + 'Wait for a quiet machine (--wait SECONDS), or --force to write it marked as measured under load.');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  try {
    const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();

    const { distinct, sets } = corpus(opts.dir, opts.files, opts.formats, tmp);
    if (!distinct.length) throw new Error(`no ${opts.formats.join('/')} files in ${opts.dir}`);
    const pages = pdfPages(distinct.filter((p) => formatOf(p) === 'pdf'));
    const unpaged = distinct.filter((p) => formatOf(p) === 'pdf' && !pages.has(p));
    console.log(`corpus: ${distinct.length} distinct files in ${opts.dir}, each format repeated to ≥ ${opts.files} files; ${opts.repeat} run(s) each, interleaved`);
    if (unpaged.length) console.log(`note: pdfinfo cannot open ${unpaged.map((p) => basename(p)).join(', ')} (counted as 0 pages)`);

    // Also warms the page cache and each tool's own files, so the first measured run is not the one paying for the disk.
    const failed = failures(distinct);
    const failedNames = (set) => [...set].map((p) => basename(p)).join(', ') || 'none';
    console.log(`files that fail: jixiao ${failedNames(failed.jixiao)}${Object.keys(REFERENCE).filter((f) => failed[f]).map((f) => `; ${REFERENCE[f].tool} ${failedNames(failed[f])}`).join('')}`);

    const results = {};
    for (const [format, set] of Object.entries(sets)) {
      const files = set.links.length;
      const measurements = {};
      for (const jobs of [1, 2]) {
        measurements[`jobs${jobs}`] = { fn: () => jixiaoCheck(set.folder, jobs), verify: checkedAll(files, `jixiao check --jobs ${jobs} on ${format}`) };
      }
      const ref = REFERENCE[format];
      if (ref && hasCommand(ref.tool)) {
        const list = join(tmp, `${format}.list`);
        writeFileSync(list, set.links.map((l) => l.link).join('\0'));
        for (const parallel of [1, 2]) measurements[`ref${parallel}`] = { fn: () => referenceTool(list, parallel, ref.command) };
      } else if (ref) {
        console.log(`  ${format}: ${ref.tool} not installed, comparison skipped`);
      }
      const r = await interleaved(opts.repeat, measurements, (i) => console.log(`  ${format}: round ${i} of ${opts.repeat} (load ${load1().toFixed(2)})`));
      results[format] = {
        files, set, ...r,
        pages: format === 'pdf' ? set.links.reduce((n, l) => n + (pages.get(l.src) ?? 0), 0) : undefined,
        refMissing: ref && !hasCommand(ref.tool) ? ref.tool : undefined,
      };
      for (const [k, v] of Object.entries(r)) console.log(`  ${format} ${k}: median ${fmt(v.seconds, 2)} s (runs ${v.runs.map((s) => s.toFixed(2)).join(', ')})`);
    }

    // Small batches: a user checking a handful of reports must not wait longer for the default --jobs than with one
    // worker, and a folder of fifty should use both cores. PDFs of --dir (the format where a file costs most).
    const small = [];
    const batchSource = sets.pdf?.distinct ?? distinct;
    for (const n of opts.small) {
      const { folder } = repeatInto(join(tmp, `small-${n}`), batchSource, n, true);
      const r = await interleaved(opts.repeat, {
        one: { fn: () => jixiaoCheck(folder, 1), verify: checkedAll(n, `batch of ${n}, --jobs 1`) },
        dflt: { fn: () => jixiaoCheck(folder, undefined), verify: checkedAll(n, `batch of ${n}, default --jobs`) },
      });
      small.push({ files: n, ...r });
      console.log(`  batch of ${n}: --jobs 1 ${fmt(r.one.seconds, 2)} s, default --jobs ${fmt(r.dflt.seconds, 2)} s`);
    }

    // Where a second worker starts to pay: the same batch on one worker and on two, whatever the policy decides.
    const crossover = [];
    if (m.cores >= 2) {
      for (const n of opts.crossover) {
        const { folder } = repeatInto(join(tmp, `crossover-${n}`), batchSource, n, true);
        const r = await interleaved(opts.repeat, {
          one: { fn: () => jixiaoCheck(folder, 2, 1_000_000), verify: checkedAll(n, `batch of ${n} on one worker`) },
          two: { fn: () => jixiaoCheck(folder, 2, 1), verify: checkedAll(n, `batch of ${n} on two workers`) },
        });
        crossover.push({ files: n, ...r });
        console.log(`  batch of ${n}: one worker ${fmt(r.one.seconds, 2)} s, two workers ${fmt(r.two.seconds, 2)} s`);
      }
    }

    const scaling = [];
    for (const n of opts.scaling) {
      const { folder, links } = repeatInto(join(tmp, `mixed-${n}`), distinct, n);
      // peak memory is what this shows; one run each
      const r = await interleaved(1, { run: { fn: () => jixiaoCheck(folder, 2), verify: checkedAll(links.length, `mixed ${links.length} files`) } });
      scaling.push({ files: links.length, ...r.run });
      console.log(`  mixed ${links.length} files, --jobs 2: ${fmt(r.run.seconds, 2)} s, peak RSS ${fmt(r.run.rssMb, 0)} MB`);
    }

    const report = render({ m, date, command, build, opts, results, small, crossover, scaling, failed, startLoad, loadEnd: load(), batchFormat: sets.pdf ? 'PDFs' : 'files' });
    console.log(`\n${report}`);
    if (opts.write) {
      writeBenchmarks(join(ROOT, 'BENCHMARKS.md'), report);
      console.log('\nBENCHMARKS.md updated.');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Issue 22's goals (what the record run is judged by). */
const GOALS = {
  pdf: { tool: 'pdftotext', limits: { 1: 1.5, 2: 1.8 }, gainShare: 0.9 },
  docx: { tool: 'pandoc', limits: { 1: 0.3, 2: 0.3 } },
};
/** Default --jobs against --jobs 1 on the largest small batch (50 PDFs). */
const MIN_BATCH_SPEEDUP = 1.3;
/** "Not slower": the default's median within this share of --jobs 1's (what repeated runs of one command vary by). */
const SAME_WITHIN = 0.03;
/** Peak RSS may not grow by more than this from the first file count of ≥ 500 to the last (see BENCHMARKS.md). */
const MAX_MEMORY_GROWTH = 1.15;
const yes = (ok) => (ok === undefined ? 'n/a' : ok ? 'yes' : 'no');

function render({ m, date, command, build, opts, results, small, crossover, scaling, failed, startLoad, loadEnd, batchFormat }) {
  const out = [];
  const flag = (r) => (r.loadBefore >= opts.maxLoad ? ' !' : '');
  out.push(`Measured ${date} with \`${command}\` (${build}).`);
  out.push('');
  out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM`);
  out.push(`- Software: Node ${m.node}; ${m.os}; ${m.pdftotext ?? 'pdftotext not installed'}; ${m.pandoc ?? 'pandoc not installed'}`);
  out.push(`- Corpus: the distinct files of \`${basename(opts.dir)}/\` per format, repeated as hard links to ≥ ${opts.files} files; ${opts.repeat} run(s) of each measurement, interleaved; medians`);
  out.push(`- Load average (1 min) before the first measurement: ${startLoad.toFixed(2)}; (1, 5, 15 min) at the end: ${loadEnd}. `
    + `A row whose load before was ≥ ${opts.maxLoad} is marked !`);
  if (startLoad >= opts.maxLoad) out.push(`- **Measured under load** (≥ ${opts.maxLoad} at the start): not a record`);
  if (opts.quick) out.push('- **Quick run** (`--quick`): fewer files and runs, so start-up weighs more than in a record run; not a record');
  out.push('');

  const rows = [['format', 'what', 'files', 'failed', 'pages', 'wall s', 'runs s', 'files/s', 'pages/s', 'CPU s', 'peak RSS MB', 'load (1 min)']];
  const NAMES = { jobs1: 'jixiao check -f ndjson --jobs 1', jobs2: 'jixiao check -f ndjson --jobs 2' };
  for (const [format, r] of Object.entries(results)) {
    for (const key of ['jobs1', 'jobs2', 'ref1', 'ref2']) {
      const x = r[key];
      if (!x) continue;
      const what = NAMES[key] ?? `${REFERENCE[format].command.replace(' {}', ' FILE')}, ${key === 'ref1' ? 1 : 2} at a time`;
      const failing = key.startsWith('jobs') ? failed.jixiao : failed[format];
      rows.push([format, what, r.files, failing ? r.set.links.filter((l) => failing.has(resolve(l.src))).length : 'n/a', r.pages ?? 'n/a',
        fmt(x.seconds, 2), `${fmt(Math.min(...x.runs), 2)}–${fmt(Math.max(...x.runs), 2)}`, fmt(r.files / x.seconds), fmt(r.pages / x.seconds),
        fmt(x.cpu, 2), fmt(x.rssMb, 0), `${x.load}${flag(x)}`]);
    }
  }
  out.push(table(rows, 2));
  out.push('');

  const ratio = (a, b, key = 'seconds') => (a?.[key] && b?.[key] ? a[key] / b[key] : undefined);
  const gains = [['format', 'jixiao --jobs 1 → 2', 'gain', 'CPU --jobs 1 → 2 s', 'reference 1 → 2 at a time', 'reference gain', 'jixiao gain ÷ reference gain']];
  for (const [format, r] of Object.entries(results)) {
    const gain = ratio(r.jobs1, r.jobs2);
    const refGain = ratio(r.ref1, r.ref2);
    gains.push([format, `${fmt(r.jobs1.seconds, 2)} → ${fmt(r.jobs2.seconds, 2)} s`, `${fmt(gain, 2)}×`, `${fmt(r.jobs1.cpu, 2)} → ${fmt(r.jobs2.cpu, 2)}`,
      r.ref1 ? `${fmt(r.ref1.seconds, 2)} → ${fmt(r.ref2.seconds, 2)} s` : 'n/a', r.ref1 ? `${fmt(refGain, 2)}×` : 'n/a', r.ref1 ? `${fmt(gain / refGain, 2)}` : 'n/a']);
  }
  out.push('Gain from a second worker (jixiao) and from two processes at a time (the reference tool), same files, same run:');
  out.push('');
  out.push(table(gains, 1));
  out.push('');

  const goals = [['goal', 'measured', 'met']];
  for (const [format, goal] of Object.entries(GOALS)) {
    const r = results[format];
    if (!r) continue;
    for (const at of [1, 2]) {
      const text = `${format}: jixiao --jobs ${at} ≤ ${goal.limits[at]}× ${goal.tool}${at === 2 ? ' (xargs -P 2)' : ''}, ${at} at a time`;
      if (r.refMissing) { goals.push([text, `${r.refMissing} not installed`, 'n/a']); continue; }
      const wall = ratio(r[`jobs${at}`], r[`ref${at}`]);
      goals.push([text, `${fmt(wall, 2)}× (CPU ${fmt(ratio(r[`jobs${at}`], r[`ref${at}`], 'cpu'), 2)}×)`, yes(wall <= goal.limits[at])]);
    }
    if (goal.gainShare && !r.refMissing) {
      const share = ratio(r.jobs1, r.jobs2) / ratio(r.ref1, r.ref2);
      goals.push([`${format}: jixiao's gain from --jobs 2 ≥ ${goal.gainShare}× ${goal.tool}'s gain from -P 2`,
        `${fmt(ratio(r.jobs1, r.jobs2), 2)}× against ${fmt(ratio(r.ref1, r.ref2), 2)}× (${fmt(share, 2)})`, yes(share >= goal.gainShare)]);
    }
  }
  if (small.length) {
    const fifty = small.find((s) => s.files === 50);
    const speedup = fifty && ratio(fifty.one, fifty.dflt);
    goals.push([`50 ${batchFormat}: default --jobs (${m.cores}) ≥ ${MIN_BATCH_SPEEDUP}× faster than --jobs 1`, fifty ? `${fmt(speedup, 2)}×` : 'no batch of 50 measured',
      yes(fifty && m.cores >= 2 ? speedup >= MIN_BATCH_SPEEDUP : undefined)]);
    const slower = small.filter((s) => s.dflt.seconds > s.one.seconds * (1 + SAME_WITHIN));
    goals.push([`no batch (${small.map((s) => s.files).join(', ')} ${batchFormat}) slower at the default --jobs than at --jobs 1 (within ${SAME_WITHIN * 100} %)`,
      small.map((s) => `${s.files}: ${fmt(ratio(s.dflt, s.one), 2)}`).join(', ') + ' (default ÷ --jobs 1)', yes(slower.length === 0)]);
  }
  if (scaling.length > 1) {
    const base = scaling.find((s) => s.files >= 500) ?? scaling[0];
    const last = scaling[scaling.length - 1];
    const growth = last.rssMb / base.rssMb;
    goals.push([`peak memory flat with the number of files: ${last.files} files ≤ ${MAX_MEMORY_GROWTH}× ${base.files} files (ndjson, --jobs 2)`,
      `${scaling.map((s) => `${s.files}: ${fmt(s.rssMb, 0)} MB`).join(', ')} (${fmt(growth, 2)}×)`, yes(growth <= MAX_MEMORY_GROWTH)]);
  }
  out.push('Goals of issue 22 (wall time, medians; CPU ratio for reference):');
  out.push('');
  out.push(table(goals, 2));
  if (small.length) {
    out.push('');
    out.push(`Small batches (${batchFormat} of \`${basename(opts.dir)}/\`, median of ${opts.repeat} interleaved runs each):`);
    out.push('');
    out.push(table([['files', '--jobs 1 s', `default --jobs (${m.cores}) s`, 'default ÷ --jobs 1', 'CPU --jobs 1 / default s', 'load (1 min)'],
      ...small.map((s) => [s.files, fmt(s.one.seconds, 2), fmt(s.dflt.seconds, 2), fmt(ratio(s.dflt, s.one), 2), `${fmt(s.one.cpu, 2)} / ${fmt(s.dflt.cpu, 2)}`,
        `${s.one.load}${flag(s.one)}`])]));
  }
  if (crossover.length) {
    out.push('');
    out.push(`One worker against two on the same batch (${batchFormat}, \`--jobs 2\` with the policy overridden; median of ${opts.repeat} interleaved runs): `
      + 'a second worker pays from the first size where two are faster; FILES_PER_WORKER in src/batch.ts should be about that size:');
    out.push('');
    out.push(table([['files', 'one worker s', 'two workers s', 'two ÷ one', 'CPU one / two s', 'load (1 min)'],
      ...crossover.map((s) => [s.files, fmt(s.one.seconds, 2), fmt(s.two.seconds, 2), fmt(ratio(s.two, s.one), 2), `${fmt(s.one.cpu, 2)} / ${fmt(s.two.cpu, 2)}`,
        `${s.one.load}${flag(s.one)}`])]));
  }
  if (scaling.length) {
    out.push('');
    out.push('Peak memory against the number of files (all formats mixed, `check -f ndjson --jobs 2`, one run each):');
    out.push('');
    out.push(table([['files', 'wall s', 'files/s', 'peak RSS MB', 'load (1 min)'],
      ...scaling.map((s) => [s.files, fmt(s.seconds, 2), fmt(s.files / s.seconds), fmt(s.rssMb, 0), `${s.load}${flag(s)}`])]));
  }
  return out.join('\n');
}

const START = '<!-- bench:start (written by npm run bench -- --write) -->';
const END = '<!-- bench:end -->';

/** Replaces the block between the markers, or creates the file with the block when there is none yet. */
function writeBenchmarks(path, report) {
  const block = `${START}\n${report}\n${END}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const i = current.indexOf(START);
  const j = current.indexOf(END);
  const next = i >= 0 && j > i ? current.slice(0, i) + block + current.slice(j + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

try {
  await main();
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
