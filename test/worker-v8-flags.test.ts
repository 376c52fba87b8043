// The V8 flags the workers are tuned with: only flags the running V8 knows, since an unknown one prints an error line.
import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import module from 'node:module';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { v8Flags } from '../src/workers.js';

const flagName = (flag: string) => flag.replace(/^--/, '').split('=')[0];

describe('v8Flags', () => {
  it('gives Node 20 (V8 11.3) the interrupt budget, and V8 11.8 and later, which count calls instead, not', () => {
    expect(v8Flags('11.3.244.8-node.38')).toContain('--interrupt-budget=200000');
    for (const later of ['11.8.172.17-node.20', '12.4.254.21-node.57', '13.6.233.17-node.53']) {
      expect(v8Flags(later).some((f) => f.startsWith('--interrupt-budget'))).toBe(false);
      expect(v8Flags(later)).toContain('--max-inlined-bytecode-size-cumulative=200');
    }
  });

  it('fixes how far a heap grows between full collections on every V8', () => {
    for (const version of ['11.3.244.8-node.38', '12.4.254.21-node.57']) expect(v8Flags(version)).toContain('--heap-growing-percent=200');
  });

  it('names only flags the running V8 lists', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const listed = new Set([...known.matchAll(/^\s+--([\w-]+)/gm)].map((m) => m[1]));
    const flags = v8Flags();
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(listed, flag).toContain(flagName(flag));
  });

  it('a check run prints nothing on stderr about the flags', () => {
    const bin = fileURLToPath(new URL('../bin/jixiao', import.meta.url));
    const fixture = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const run = spawnSync(process.execPath, [bin, 'check', '-f', 'ndjson', '--jobs', '1', fixture], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/unrecognized flag/);
    expect(run.status).toBe(1);
  });
});

describe('compile cache (Node 22.1 and later)', () => {
  // Node 20 has no module.enableCompileCache: there the entry point leaves everything as it was
  it.skipIf(!('enableCompileCache' in module))('keeps the workers\' compiled modules too, not the main thread\'s alone', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'jixiao-cache-'));
    try {
      const bin = fileURLToPath(new URL('../bin/jixiao', import.meta.url));
      const pdf = fileURLToPath(new URL('../fixtures/003-dept-2023.pdf', import.meta.url));
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
      delete env.NODE_COMPILE_CACHE;
      delete env.NODE_DISABLE_COMPILE_CACHE;
      const run = spawnSync(process.execPath, [bin, 'check', '-f', 'ndjson', pdf], { encoding: 'utf8', env });
      expect(run.status).not.toBe(2);
      const cached = readdirSync(tmp, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      // pdf.js' worker half is loaded by a worker thread only, and is larger than everything the main thread loads
      const largest = Math.max(...cached.map((e) => statSync(join(e.parentPath, e.name)).size));
      expect(largest).toBeGreaterThan(500_000);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
