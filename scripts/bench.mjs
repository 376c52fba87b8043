// Benchmark of record: `jixiao check -f ndjson` end to end per format, --jobs 1 and 2, beside pdftotext and pandoc.
// Usage: npm run bench [-- --files 500 --repeat 1 --scaling 100,500,1000 --formats docx,pdf,xlsx --write]
//   --files N     each format's distinct fixtures repeated (as hard links) to at least N files
//   --repeat R    run every measurement R times and keep the median wall time (and the largest peak memory)
//   --scaling L   file counts for the ndjson memory check (all formats mixed, --jobs 2; default 100,500,1000,2000); "none" skips it
//   --small L     batch sizes on which the default --jobs is timed against --jobs 1 (default 1,2,4,8); "none" skips it
//   --quick       a short run to try a change (a few minutes on two idle cores): --files 100 --scaling 100,300 --small 1,4;
//                 its figures are not a record (fewer files, start-up weighs more), so it refuses --write
//   --write       put the results into BENCHMARKS.md between its bench markers (the prose around them is kept)
//   --bin PATH    the jixiao to measure (default bin/jixiao of this checkout), e.g. an older build to compare with
import { copyFileSync, linkSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';

const FORMATS = ['docx', 'pdf', 'xlsx'];
const ROOT = resolve(new URL('..', import.meta.url).pathname);
let JIXIAO = join(ROOT, 'bin/jixiao');
const TIME = '/usr/bin/time';

function options(argv) {
  const opts = { dir: join(ROOT, 'fixtures'), files: 500, repeat: 1, scaling: [100, 500, 1000, 2000], small: [1, 2, 4, 8], formats: FORMATS, write: false, quick: false };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i];
    switch (argv[i]) {
      case '--dir': opts.dir = resolve(next()); break;
      case '--files': opts.files = Number(next()); break;
      case '--repeat': opts.repeat = Math.max(1, Number(next())); break;
      case '--scaling': { const v = next(); opts.scaling = v === 'none' ? [] : v.split(',').map(Number); break; }
      case '--small': { const v = next(); opts.small = v === 'none' ? [] : v.split(',').map(Number); break; }
      case '--quick': Object.assign(opts, { quick: true, files: 100, scaling: [100, 300], small: [1, 4] }); break;
      case '--formats': opts.formats = next().split(','); break;
      case '--write': opts.write = true; break;
      case '--bin': JIXIAO = resolve(next()); break;
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
const load1 = () => loadavg()[0].toFixed(2);

/** The build measured: this checkout's commit (and whether its sources differ from it), or the path given with --bin. */
function measuredBuild() {
  if (JIXIAO !== join(ROOT, 'bin/jixiao')) return JIXIAO;
  const head = run('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']).stdout?.trim();
  if (!head) return 'bin/jixiao';
  const dirty = run('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'grammars', 'bin', 'package.json']).stdout?.trim();
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

/** The distinct fixtures of each format, and per format a folder of hard links repeating them to at least `min` files. */
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
 */
function repeatInto(folder, files, min) {
  mkdirSync(folder, { recursive: true });
  const links = [];
  for (let i = 0; links.length < min || i % files.length !== 0; i++) {
    const src = files[i % files.length];
    const link = join(folder, `${String(i).padStart(5, '0')}-${basename(src)}`);
    try { linkSync(src, link); } catch { copyFileSync(src, link); }
    links.push({ link, src });
  }
  return { folder, links };
}

/** Page counts of the PDFs from pdfinfo (the reference tools' own count); undefined when pdfinfo cannot open one. */
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
 * single process (rusage of waited-for children reports the maximum, not the sum).
 */
function timed(cmd, args, { countLines = false } = {}) {
  return new Promise((ok, fail) => {
    const out = join(tmpdir(), `jixiao-bench-time-${process.pid}`);
    const useTime = existsSync(TIME);
    const argv = useTime ? ['-f', '%M %U %S', '-o', out, cmd, ...args] : args;
    const start = performance.now();
    const child = spawn(useTime ? TIME : cmd, argv, { stdio: ['ignore', countLines ? 'pipe' : 'ignore', 'pipe'] });
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
      ok({ seconds, rssMb, cpu, code, lines, stderr });
    });
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

/** Repeats a measurement; the median wall time, the largest peak RSS, the median CPU, and the load average around it. */
async function measure(repeat, fn) {
  const runs = [];
  const before = load1();
  for (let i = 0; i < repeat; i++) runs.push(await fn());
  const last = runs[runs.length - 1];
  return {
    ...last,
    seconds: median(runs.map((r) => r.seconds)),
    cpu: runs.every((r) => r.cpu !== undefined) ? median(runs.map((r) => r.cpu)) : undefined,
    rssMb: runs.every((r) => r.rssMb !== undefined) ? Math.max(...runs.map((r) => r.rssMb)) : undefined,
    runs: runs.map((r) => r.seconds),
    load: `${before} → ${load1()}`,
  };
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

/** `jobs` undefined runs with the default --jobs (as a user who gives none). */
const jixiaoCheck = (folder, jobs) => timed(process.execPath, [JIXIAO, 'check', '-f', 'ndjson', ...(jobs === undefined ? [] : ['--jobs', String(jobs)]), folder], { countLines: true });

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

async function main() {
  const opts = options(process.argv.slice(2));
  const tmp = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  try {
    const m = machine();
    const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
    const build = measuredBuild();
    console.log(`jixiao benchmark, ${date}: ${build}`);
    console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM; node ${m.node}; ${m.os}`);
    console.log(`reference tools: ${m.pdftotext ?? 'pdftotext not installed'}; ${m.pandoc ?? 'pandoc not installed'}`);
    console.log(`load average at start: ${load()}${existsSync(TIME) ? '' : `; ${TIME} missing, so no peak memory or CPU figures`}`);

    const { distinct, sets } = corpus(opts.dir, opts.files, opts.formats, tmp);
    const pages = pdfPages(distinct.filter((p) => formatOf(p) === 'pdf'));
    const unpaged = distinct.filter((p) => formatOf(p) === 'pdf' && !pages.has(p));
    console.log(`corpus: ${distinct.length} distinct files in ${opts.dir}, each format repeated to ≥ ${opts.files} files`);
    if (unpaged.length) console.log(`note: pdfinfo cannot open ${unpaged.map((p) => basename(p)).join(', ')} (counted as 0 pages)`);

    // Also warms the page cache and each tool's own files, so the first measured run is not the one paying for the disk.
    const failed = failures(distinct);
    const failedNames = (set) => [...set].map((p) => basename(p)).join(', ') || 'none';
    console.log(`files that fail: jixiao ${failedNames(failed.jixiao)}${Object.keys(REFERENCE).filter((f) => failed[f]).map((f) => `; ${REFERENCE[f].tool} ${failedNames(failed[f])}`).join('')}`);

    const rows = [['format', 'what', 'files', 'failed', 'pages', 'wall s', 'files/s', 'pages/s', 'CPU s', 'peak RSS MB', 'load (1 min)']];
    const results = {};
    for (const [format, set] of Object.entries(sets)) {
      const files = set.links.length;
      const pageCount = format === 'pdf' ? set.links.reduce((n, l) => n + (pages.get(l.src) ?? 0), 0) : undefined;
      const add = (what, r, failing) => {
        rows.push([format, what, files, failing ? set.links.filter((l) => failing.has(resolve(l.src))).length : 'n/a', pageCount ?? 'n/a', fmt(r.seconds, 2), fmt(files / r.seconds), fmt(pageCount / r.seconds),
          fmt(r.cpu, 2), fmt(r.rssMb, 0), r.load]);
        console.log(`  ${format} ${what}: ${fmt(r.seconds, 2)} s${r.runs.length > 1 ? ` (runs ${r.runs.map((s) => s.toFixed(2)).join(', ')})` : ''}`);
      };
      const res = (results[format] = { files, pages: pageCount });
      for (const jobs of [1, 2]) {
        const r = await measure(opts.repeat, () => jixiaoCheck(set.folder, jobs));
        // ndjson writes one line per file; anything else means the run did not check everything
        if (r.code === 2 || r.lines < files) throw new Error(`jixiao check --jobs ${jobs} on ${format}: exit ${r.code}, ${r.lines} lines\n${r.stderr}`);
        res[`jobs${jobs}`] = r;
        add(`jixiao check -f ndjson --jobs ${jobs}`, r, failed.jixiao);
      }
      const ref = REFERENCE[format];
      if (ref && hasCommand(ref.tool)) {
        const list = join(tmp, `${format}.list`);
        writeFileSync(list, set.links.map((l) => l.link).join('\0'));
        for (const parallel of [1, 2]) {
          const r = await measure(opts.repeat, () => referenceTool(list, parallel, ref.command));
          res[`ref${parallel}`] = r;
          add(`${ref.command.replace(' {}', ' FILE')}, ${parallel} at a time`, r, failed[format]);
        }
      } else if (ref) {
        res.refMissing = ref.tool;
        console.log(`  ${format}: ${ref.tool} not installed, comparison skipped`);
      }
    }

    const scaling = [];
    if (opts.scaling.length) {
      for (const n of opts.scaling) {
        const { folder, links } = repeatInto(join(tmp, `mixed-${n}`), distinct, n);
        // peak memory is what this shows; one run each
        const r = await measure(1, () => jixiaoCheck(folder, 2));
        if (r.code === 2 || r.lines < links.length) throw new Error(`scaling run with ${links.length} files: exit ${r.code}, ${r.lines} lines\n${r.stderr}`);
        scaling.push({ files: links.length, ...r });
        console.log(`  mixed ${links.length} files, --jobs 2: ${fmt(r.seconds, 2)} s, peak RSS ${fmt(r.rssMb, 0)} MB`);
      }
    }

    // Small batches: a user checking a handful of files must not wait longer for the default --jobs than with one worker.
    const small = [];
    for (const n of opts.small) {
      const { folder, links } = repeatInto(join(tmp, `small-${n}`), distinct.slice(0, n), n);
      const one = await measure(Math.max(3, opts.repeat), () => jixiaoCheck(folder, 1));
      const dflt = await measure(Math.max(3, opts.repeat), () => jixiaoCheck(folder, undefined));
      for (const r of [one, dflt]) if (r.code === 2 || r.lines < links.length) throw new Error(`small batch of ${links.length}: exit ${r.code}, ${r.lines} lines\n${r.stderr}`);
      small.push({ files: links.length, one, dflt });
      console.log(`  small batch of ${links.length}: --jobs 1 ${fmt(one.seconds, 2)} s, default --jobs ${fmt(dflt.seconds, 2)} s`);
    }

    const report = render({ m, date, command, build, opts, rows, results, scaling, small, loadEnd: load() });
    console.log(`\n${report}`);
    if (opts.write) {
      writeBenchmarks(join(ROOT, 'BENCHMARKS.md'), report);
      console.log('\nBENCHMARKS.md updated.');
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Issue 14's goals; each `at` names the concurrency the limit applies to. */
const RATIO_GOALS = {
  pdf: { tool: 'pdftotext', limits: { 1: 2, 2: 2.5 } },
  docx: { tool: 'pandoc', limits: { 1: 0.3, 2: 0.3 } },
};
const MIN_SPEEDUP = 1.6;
/** Peak RSS may not grow by more than this from the first file count of ≥ 500 to the last (see BENCHMARKS.md). */
const MAX_MEMORY_GROWTH = 1.15;
const verdict = (checks) => (checks.every(Boolean) ? 'yes' : checks.some(Boolean) ? 'partly' : 'no');

function render({ m, date, command, build, opts, rows, results, scaling, small, loadEnd }) {
  const out = [];
  out.push(`Measured ${date} with \`${command}\` (${build}).`);
  out.push('');
  out.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM`);
  out.push(`- Software: Node ${m.node}; ${m.os}; ${m.pdftotext ?? 'pdftotext not installed'}; ${m.pandoc ?? 'pandoc not installed'}`);
  out.push(`- Corpus: the distinct files of \`${basename(opts.dir)}/\` per format, repeated as hard links to ≥ ${opts.files} files; median of ${opts.repeat} run(s) each`);
  out.push(`- Load average (1, 5, 15 min) at the end: ${loadEnd}; the 1-minute load before → after each measurement is in its row`);
  if (opts.quick) out.push('- **Quick run** (`--quick`): fewer files, so start-up weighs more than in a record run; not a record');
  out.push('');
  out.push(table(rows, 2));
  out.push('');
  const ratio = (a, b, key = 'seconds') => (a?.[key] && b?.[key] ? a[key] / b[key] : undefined);
  const goals = [['goal', 'measured', 'met']];
  const speedups = [['format', '--jobs 1 s', '--jobs 2 s', 'speed-up', 'CPU --jobs 1 s', 'CPU --jobs 2 s']];
  for (const [format, r] of Object.entries(results)) {
    speedups.push([format, fmt(r.jobs1.seconds, 2), fmt(r.jobs2.seconds, 2), `${fmt(r.jobs1.seconds / r.jobs2.seconds, 2)}×`, fmt(r.jobs1.cpu, 2), fmt(r.jobs2.cpu, 2)]);
  }
  for (const [format, goal] of Object.entries(RATIO_GOALS)) {
    const r = results[format];
    if (!r) continue;
    for (const at of [1, 2]) {
      const text = `${format}: jixiao --jobs ${at} ≤ ${goal.limits[at]}× ${goal.tool}, ${at} at a time (wall)`;
      if (r.refMissing) { goals.push([text, `${r.refMissing} not installed`, 'not measured']); continue; }
      const wall = ratio(r[`jobs${at}`], r[`ref${at}`]);
      const cpu = ratio(r[`jobs${at}`], r[`ref${at}`], 'cpu');
      goals.push([text, `${fmt(wall, 2)}× (CPU ${fmt(cpu, 2)}×)`, wall <= goal.limits[at] ? 'yes' : 'no']);
    }
  }
  for (const [format, r] of Object.entries(results)) {
    const speedup = r.jobs1.seconds / r.jobs2.seconds;
    goals.push([`${format}: --jobs 2 ≥ ${MIN_SPEEDUP}× faster than --jobs 1 (${r.files} files)`, `${fmt(speedup, 2)}×`, speedup >= MIN_SPEEDUP ? 'yes' : 'no']);
  }
  if (small.length) {
    // a tenth of a second is within what one run of the same command varies by
    const slower = small.filter((s) => s.dflt.seconds > s.one.seconds + 0.1);
    goals.push([`default --jobs (${m.cores}) never slower than --jobs 1: batches of ${small.map((s) => s.files).join(', ')} files and the folders above`,
      small.map((s) => `${s.files}: ${fmt(s.dflt.seconds, 2)} / ${fmt(s.one.seconds, 2)} s`).join('; '),
      verdict([slower.length === 0, ...Object.values(results).map((r) => m.cores < 2 || r.jobs2.seconds <= r.jobs1.seconds)])]);
  }
  if (scaling.length > 1) {
    const base = scaling.find((s) => s.files >= 500) ?? scaling[0];
    const last = scaling[scaling.length - 1];
    const growth = last.rssMb / base.rssMb;
    goals.push([`peak memory flat with the number of files: ${last.files} files ≤ ${MAX_MEMORY_GROWTH}× ${base.files} files (ndjson, --jobs 2)`,
      `${scaling.map((s) => `${s.files}: ${fmt(s.rssMb, 0)} MB`).join(', ')} (${fmt(growth, 2)}×; ${fmt(last.rssMb / scaling[0].rssMb, 2)}× of ${scaling[0].files} files)`,
      growth <= MAX_MEMORY_GROWTH ? 'yes' : 'no']);
  }
  out.push('Speed-up of `--jobs 2` over `--jobs 1` (wall time; CPU is user + system of the whole process):');
  out.push('');
  out.push(table(speedups));
  out.push('');
  out.push('Goals of issue 14 (wall time on the same files, the same number of files at a time; CPU ratio for reference):');
  out.push('');
  out.push(table(goals, 2));
  if (small.length) {
    out.push('');
    out.push(`Small batches (distinct fixtures, median of ${Math.max(3, opts.repeat)} runs each):`);
    out.push('');
    out.push(table([['files', '--jobs 1 s', `default --jobs (${m.cores}) s`, 'load (1 min)'],
      ...small.map((s) => [s.files, fmt(s.one.seconds, 2), fmt(s.dflt.seconds, 2), s.dflt.load])]));
  }
  if (scaling.length) {
    out.push('');
    out.push('Peak memory against the number of files (all formats mixed, `check -f ndjson --jobs 2`):');
    out.push('');
    out.push(table([['files', 'wall s', 'files/s', 'peak RSS MB', 'load (1 min)'],
      ...scaling.map((s) => [s.files, fmt(s.seconds, 2), fmt(s.files / s.seconds), fmt(s.rssMb, 0), s.load])]));
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

await main();
