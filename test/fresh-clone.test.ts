// A new user's first run, as the README tells it: a fresh clone, `npm ci`, the first check, the tests; then the packed
// tarball installed globally into a temporary prefix and run from there. Needs git and the npm registry (or its cache).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// Inside the clone this file is not run again (the clone's test run is limited to one small file anyway).
const NESTED = process.env.JIXIAO_FRESH_CLONE === '1';
const IS_GIT = existsSync(join(ROOT, '.git'));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Packages come from the npm cache when they are there: the only network this needs is the registry.
const QUIET = ['--prefer-offline', '--no-audit', '--no-fund'];

function sh(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO_FRESH_CLONE: '1', CI: '1', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.NODE_OPTIONS; // vitest's own loader options are no business of the child processes
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32', timeout: 500_000 });
}

function ok(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  expect(r.status, `${what}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

let work: string;
let clone: string;

beforeAll(() => {
  if (NESTED || !IS_GIT) return;
  work = mkdtempSync(join(tmpdir(), 'jixiao-fresh-'));
  clone = join(work, 'jixiao');
  // The committed tree: what a user who clones gets, without this checkout's node_modules, dist or stray files.
  ok(sh('git', ['clone', '--quiet', ROOT, clone], work), 'git clone');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 300_000);

describe.skipIf(NESTED || !IS_GIT)('a fresh clone, as the README says', () => {
  it('npm ci builds it; npx jixiao check fixtures/ exits 1 on the encrypted sample and says why; npm test passes', () => {
    ok(sh(NPM, ['ci', ...QUIET], clone), 'npm ci');
    expect(existsSync(join(clone, 'dist', 'src', 'cli.js'))).toBe(true);

    const first = sh(NPX, ['jixiao', 'check', 'fixtures/'], clone);
    // The README's first command: exit 1 because of fixtures/encrypted.pdf, the one error-level finding, named.
    expect(first.status, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/fixtures\/encrypted\.pdf\n\s+-\s+错误\s+该 PDF 已加密/);
    expect(first.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✖ 共检查 \d+ 个文件（其中 \d+ 个与另一文件内容相同，只计一次）：1 个错误，\d+ 个警告，1 个文件无法读取$/);

    // The README's second command, limited to one small file: the whole suite is what CI runs on this clone's parent.
    const tests = ok(sh(NPM, ['test', '--', 'test/precision.test.ts'], clone), 'npm test');
    expect(tests.stdout.trimEnd().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/);
  }, 600_000);

  it('npm pack, then npm i -g of the tarball into a temporary prefix: jixiao --version and a check run from there', () => {
    // dist/ was built by npm ci's prepare moments ago: packing skips building it a second time (about a third of the
    // time on a slow machine); the tarball holds what `files` in package.json lists, as for a user's `npm pack`.
    ok(sh(NPM, ['pack', '--ignore-scripts', '--pack-destination', work], clone), 'npm pack');
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBe(`jixiao-${VERSION}.tgz`);
    const prefix = join(work, 'prefix');
    ok(sh(NPM, ['install', '--global', '--prefix', prefix, join(work, tarball!), ...QUIET], work), 'npm i -g');
    const bin = process.platform === 'win32' ? join(prefix, 'jixiao.cmd') : join(prefix, 'bin', 'jixiao');

    expect(ok(sh(bin, ['--version'], work), 'jixiao --version').stdout.trim()).toBe(VERSION);
    const check = ok(sh(bin, ['check', join(clone, 'fixtures', '002-songying-2023.docx')], work), 'jixiao check');
    expect(check.stdout).toMatch(/核对了 [1-9]\d* 处/);
    expect(check.stdout.trimEnd().split('\n').at(-1)).toMatch(/^✔ 共检查 1 个文件：0 个错误，0 个警告$/);
  }, 600_000);
});
