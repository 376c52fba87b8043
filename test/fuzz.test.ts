// Fuzz: hundreds of corrupted corpus variants through one CLI run — no crash, each file reported once, exit 1.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { unzipSync, zipSync } from 'fflate';
import { rng, pick } from './helpers/rng.js';

const root = new URL('..', import.meta.url).pathname;
const sources = readdirSync(join(root, 'fixtures')).filter((f) => /\.(docx|pdf|xlsx)$/.test(f) && !f.startsWith('encrypted'));
const VARIANTS = 240;

function mutate(r: () => number, name: string, buf: Buffer): { data: Uint8Array; ext: string; how: string } {
  const ext = name.slice(name.lastIndexOf('.'));
  const kind = pick(r, ['truncate', 'flip', 'flip-many', 'drop-member', 'swap-ext', 'zero-run'] as const);
  switch (kind) {
    case 'truncate': {
      const n = Math.floor(r() * buf.length);
      return { data: buf.subarray(0, n), ext, how: `truncate ${n}` };
    }
    case 'flip':
    case 'flip-many': {
      const out = Buffer.from(buf);
      const count = kind === 'flip' ? 1 : 1 + Math.floor(r() * 64);
      for (let i = 0; i < count; i++) out[Math.floor(r() * out.length)] ^= 1 + Math.floor(r() * 255);
      return { data: out, ext, how: `${kind} ${count}` };
    }
    case 'zero-run': {
      const out = Buffer.from(buf);
      const at = Math.floor(r() * out.length);
      out.fill(0, at, Math.min(out.length, at + 1 + Math.floor(r() * 4096)));
      return { data: out, ext, how: `zero-run at ${at}` };
    }
    case 'drop-member': {
      if (ext === '.pdf') return { data: buf.subarray(0, Math.floor(buf.length / 2)), ext, how: 'pdf half' };
      const members = unzipSync(buf);
      const names = Object.keys(members);
      const victim = pick(r, names);
      delete members[victim];
      return { data: zipSync(members), ext, how: `drop ${victim}` };
    }
    case 'swap-ext':
      return { data: buf, ext: pick(r, ['.docx', '.pdf', '.xlsx'].filter((e) => e !== ext)), how: 'swap extension' };
  }
}

describe('fuzz: corrupted corpus variants', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-fuzz-'));
  const made: string[] = [];
  beforeAll(() => {
    const r = rng(20261122);
    for (let i = 0; i < VARIANTS; i++) {
      const src = sources[i % sources.length];
      const { data, ext } = mutate(r, src, readFileSync(join(root, 'fixtures', src)));
      const file = join(dir, `v${String(i).padStart(3, '0')}${ext}`);
      writeFileSync(file, data);
      made.push(file);
    }
  });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it(`reports each of ${VARIANTS} variants exactly once and exits 1, never 2 or a signal`, () => {
    const run = spawnSync(process.execPath, [join(root, 'bin/jixiao'), 'check', '--format', 'json', '--timeout', '30', dir],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).not.toMatch(/内部错误|Internal error|at .*\.js:\d+/);
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout) as { files: { path: string; status: string; findings: { rule: string; severity: string; message: string }[] }[] };
    expect(out.files.map((f) => f.path)).toEqual(made);
    for (const f of out.files) {
      expect(f.findings.every((x) => typeof x.rule === 'string' && x.message.length > 0), f.path).toBe(true);
      // A file that could not be read says so with an error-level finding; none fails silently.
      if (f.status === 'failed') expect(f.findings.some((x) => x.severity === 'error'), f.path).toBe(true);
    }
  }, 600_000);
});
