// Map and reduce across "machines": GNU parallel runs `check -f ndjson --records` on two stand-in ssh hosts, and
// `summary` over the shards must give the NDJSON and the workbook of one run over all the fixtures.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { comparePaths } from '../src/shards.js';
import { expandPaths } from '../src/files.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jixiao');
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const HAVE_PARALLEL = has('parallel');
const HAVE_RSYNC = has('rsync');
if (!HAVE_PARALLEL) console.warn('scale-out.test: GNU parallel is not installed (apt-get install parallel; .ci/run does it): its two-host tests are skipped');
else if (!HAVE_RSYNC) console.warn('scale-out.test: rsync is not installed (parallel --transferfile needs it): the no-shared-file-system test is skipped');

interface Run { code: number | null; stdout: string; stderr: string }

function run(cmd: string, args: string[], { cwd = ROOT, input, env }: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // GNU parallel runs its jobs with $SHELL, which a CI runner may leave unset: then no job runs at all, silently
    const child = spawn(cmd, args, { cwd, timeout: 240_000, env: { SHELL: '/bin/sh', ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
const jixiao = (args: string[], opts?: Parameters<typeof run>[2]) => run(process.execPath, [BIN, ...args], opts);

/** Every part of a workbook, by name: the zip's own entry times aside, two equal workbooks have equal parts. */
function parts(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(file)))) out[name] = Buffer.from(bytes).toString('utf8');
  return out;
}

const sortedLines = (s: string) => s.split('\n').filter(Boolean).sort();

let tmp: string;
let sshStandIn: string;
let hostLog: string;
/** One run over the whole fixtures folder: the NDJSON with records, and the workbook. */
let single: { ndjson: string; workbook: string };

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'jixiao-scale-'));
  hostLog = join(tmp, 'hosts.log');
  // "ssh [options] host [--] command…": runs the command here, in the host's own folder when FAKE_SSH_HOMES is set
  // (no shared file system), and notes which host ran it. No daemon, no network.
  sshStandIn = join(tmp, 'fake-ssh');
  writeFileSync(sshStandIn, [
    '#!/bin/sh',
    'while [ $# -gt 0 ]; do case "$1" in -*) shift ;; *) break ;; esac; done',
    'host=$1; shift',
    '[ "$1" = "--" ] && shift',
    `echo "$host" >> '${hostLog}'`,
    // sshd gives the remote command the login shell in SHELL; parallel's remote wrapper runs jobs with $SHELL
    ': "${SHELL:=/bin/sh}"; export SHELL',
    'if [ -n "$FAKE_SSH_HOMES" ]; then mkdir -p "$FAKE_SSH_HOMES/$host" && cd "$FAKE_SSH_HOMES/$host" || exit 255; fi',
    'exec sh -c "$*"',
    '',
  ].join('\n'));
  chmodSync(sshStandIn, 0o755);
  const workbook = join(tmp, 'single.xlsx');
  const [check, summary] = await Promise.all([
    jixiao(['check', '-f', 'ndjson', '--records', 'fixtures']),
    jixiao(['summary', 'fixtures', '-o', workbook]),
  ]);
  expect(check.code, check.stderr).toBe(1); // the fixtures have error findings (and an encrypted PDF)
  expect(summary.code, summary.stderr).toBe(1);
  single = { ndjson: check.stdout, workbook };
}, 300_000);

afterAll(() => { rmSync(tmp, { recursive: true, force: true }); });

describe('check --records', { timeout: 180_000 }, () => {
  it('puts each readable file\'s extracted records on its NDJSON line, and none on a failed file\'s', () => {
    const all = single.ndjson.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { path: string; status: string; stage?: string; report?: { indicators: unknown[] } });
    // the findings across files (the fixtures' .docx/.pdf twins) follow as lines of their own, without records
    const lines = all.filter((l) => l.stage === undefined);
    expect(all.slice(0, lines.length)).toEqual(lines);
    expect(all.slice(lines.length).every((l) => l.stage === 'cross-file' && l.report === undefined)).toBe(true);
    expect(lines.map((l) => l.path)).toEqual(readdirSync(join(ROOT, 'fixtures')).sort().map((f) => `fixtures/${f}`));
    for (const l of lines) expect(l.report !== undefined, l.path).toBe(l.status === 'ok');
    expect(lines.find((l) => l.path === 'fixtures/004-baocheng-2024.pdf')!.report!.indicators.length).toBeGreaterThan(0);
  });

  it('is refused with a format that cannot carry records', async () => {
    const r = await jixiao(['check', '-f', 'stylish', '--records', 'fixtures/004-baocheng-2024.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--records');
  });
});

describe('summary over shards', { timeout: 180_000 }, () => {
  it('gives the workbook of one run whatever the order and the split of the shards, and from standard input', async () => {
    const lines = single.ndjson.split('\n').filter(Boolean).reverse();
    writeFileSync(join(tmp, 'b.ndjson'), lines.slice(0, 5).join('\n') + '\n');
    writeFileSync(join(tmp, 'a.ndjson'), lines.slice(5).join('\n') + '\n');
    const fromFiles = join(tmp, 'from-files.xlsx');
    const fromStdin = join(tmp, 'from-stdin.xlsx');
    const [a, b] = await Promise.all([
      jixiao(['summary', join(tmp, 'b.ndjson'), join(tmp, 'a.ndjson'), '-o', fromFiles]),
      jixiao(['summary', '-', '-o', fromStdin], { input: lines.join('\n') + '\n' }),
    ]);
    expect(a.code, a.stderr).toBe(1);
    expect(b.code, b.stderr).toBe(1);
    expect(parts(fromFiles)).toEqual(parts(single.workbook));
    expect(parts(fromStdin)).toEqual(parts(single.workbook));
  });

  it('joins a shard with reports checked in the same run', async () => {
    const lines = single.ndjson.split('\n').filter(Boolean).filter((l) => !l.includes('"fixtures/004-baocheng-2024.pdf"'));
    writeFileSync(join(tmp, 'most.ndjson'), lines.join('\n') + '\n');
    const out = join(tmp, 'mixed.xlsx');
    const r = await jixiao(['summary', 'fixtures/004-baocheng-2024.pdf', join(tmp, 'most.ndjson'), '-o', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(parts(out)).toEqual(parts(single.workbook));
  });

  it('refuses a cut-off shard, a shard without records, and one file with two different results, naming the shard line', async () => {
    const lines = single.ndjson.split('\n').filter(Boolean);
    writeFileSync(join(tmp, 'cut.ndjson'), lines[0] + '\n' + lines[1].slice(0, 200));
    const plain = await jixiao(['check', '-f', 'ndjson', 'fixtures/004-baocheng-2024.xlsx']);
    writeFileSync(join(tmp, 'plain.ndjson'), plain.stdout);
    const other = JSON.parse(lines[0]) as { findings: unknown[] };
    other.findings = [];
    writeFileSync(join(tmp, 'stale.ndjson'), JSON.stringify(other) + '\n');
    const [cut, noRecords, conflict] = await Promise.all([
      jixiao(['summary', join(tmp, 'cut.ndjson'), '-o', join(tmp, 'x1.xlsx')]),
      jixiao(['summary', join(tmp, 'plain.ndjson'), '-o', join(tmp, 'x2.xlsx')]),
      jixiao(['summary', join(tmp, 'a.ndjson'), join(tmp, 'b.ndjson'), join(tmp, 'stale.ndjson'), '-o', join(tmp, 'x3.xlsx')]),
    ]);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('cut.ndjson 第 2 行');
    expect(noRecords.code).toBe(2);
    expect(noRecords.stderr).toContain('--records');
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain('stale.ndjson 第 1 行');
    for (const f of ['x1.xlsx', 'x2.xlsx', 'x3.xlsx']) expect(readdirSync(tmp)).not.toContain(f);
  });

  it('orders rows as a folder walk does: by path, one folder level at a time', async () => {
    const dir = join(tmp, 'walk');
    for (const p of ['a/b.pdf', 'a-c/x.pdf', 'a.b/y.pdf', 'a/z/q.docx', 'ab.docx', 'a0.xlsx']) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), '');
    }
    const walked = (await expandPaths([dir])).inputs.map((i) => i.path);
    expect(walked.length).toBe(6);
    expect([...walked].reverse().sort(comparePaths)).toEqual(walked);
  });
});

describe.skipIf(!HAVE_PARALLEL)('GNU parallel on two hosts (ssh stand-in)', () => {
  const mapper = `node ${BIN} check -f ndjson --records --jobs 1`;
  // exit 1 means "findings", not a failed job: only 2 and above should make parallel count (and retry) it
  const ok = '; [ $? -le 1 ]';

  it('shared file system: --pipe -N hands each host batches of paths; merged NDJSON and reduced workbook equal one run', async () => {
    rmSync(hostLog, { force: true });
    const paths = readdirSync(join(ROOT, 'fixtures')).sort().map((f) => `fixtures/${f}`).join('\n') + '\n';
    const r = await run('parallel', ['--will-cite', '--ssh', sshStandIn, '--sshlogin', '1/hostA,1/hostB', '--pipe', '-N', '7', `${mapper} -${ok}`], { input: paths });
    expect(r.code, r.stderr).toBe(0);
    expect(sortedLines(r.stdout)).toEqual(sortedLines(single.ndjson));
    expect(new Set(readFileSync(hostLog, 'utf8').split('\n').filter(Boolean))).toEqual(new Set(['hostA', 'hostB']));
    const out = join(tmp, 'parallel.xlsx');
    const reduced = await jixiao(['summary', '-', '-o', out], { input: r.stdout });
    expect(reduced.code, reduced.stderr).toBe(1);
    expect(parts(out)).toEqual(parts(single.workbook));
  }, 300_000);

  it.skipIf(!HAVE_RSYNC)('no shared file system: --transferfile sends the reports, --return brings one shard per job back', async () => {
    const work = join(tmp, 'own');
    const homes = join(tmp, 'homes');
    cpSync(join(ROOT, 'fixtures'), join(work, 'reports'), { recursive: true });
    const here = await jixiao(['summary', 'reports', '-o', join(work, 'here.xlsx')], { cwd: work });
    expect(here.code, here.stderr).toBe(1);
    const paths = readdirSync(join(work, 'reports')).sort().map((f) => `reports/${f}`).join('\n') + '\n';
    const r = await run('parallel', ['--will-cite', '--ssh', sshStandIn, '-S', '1/hostA,1/hostB', '-N', '7',
      '--transferfile', '{}', '--return', 'shard-{#}.ndjson', '--cleanup', `${mapper} {} > shard-{#}.ndjson${ok}`],
    { cwd: work, input: paths, env: { FAKE_SSH_HOMES: homes } });
    expect(r.code, r.stderr).toBe(0);
    const shards = readdirSync(work).filter((f) => f.endsWith('.ndjson'));
    expect(shards.length).toBe(2);
    // the hosts' copies were cleaned up: the shards came back, not through a shared folder
    for (const host of readdirSync(homes)) expect(readdirSync(join(homes, host))).toEqual([]);
    const reduced = await jixiao(['summary', ...shards.reverse(), '-o', 'reduced.xlsx'], { cwd: work });
    expect(reduced.code, reduced.stderr).toBe(1);
    expect(parts(join(work, 'reduced.xlsx'))).toEqual(parts(join(work, 'here.xlsx')));
  }, 300_000);
});
