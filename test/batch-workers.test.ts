// How many workers a batch gets, and that a batch big enough for two gives what one worker gives, in input order.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILES_PER_WORKER, checkFiles, workerCount } from '../src/batch.js';
import { defaultConfig } from '../src/config-default.js';
import type { FileResult } from '../src/pipeline.js';

describe('workerCount', () => {
  it('gives a batch too small to pay for a second worker one worker, whatever --jobs allows', () => {
    for (const files of [0, 1, 2, 4, 8, FILES_PER_WORKER]) expect(workerCount(files, 2)).toBe(1);
    expect(workerCount(FILES_PER_WORKER, 16)).toBe(1);
  });

  it('adds a worker for every FILES_PER_WORKER files more, up to --jobs', () => {
    expect(workerCount(FILES_PER_WORKER + 1, 2)).toBe(2);
    expect(workerCount(50, 2)).toBe(2);
    expect(workerCount(50, 8)).toBe(Math.ceil(50 / FILES_PER_WORKER));
    expect(workerCount(10_000, 2)).toBe(2);
    expect(workerCount(10_000, 8)).toBe(8);
  });

  it('never more than --jobs 1 allows', () => {
    for (const files of [1, 50, 10_000]) expect(workerCount(files, 1)).toBe(1);
  });

  it('a fifty-report folder gets two workers at the default --jobs of a two-core machine', () => {
    expect(workerCount(50, 2)).toBe(2);
  });
});

describe('a batch on two workers', () => {
  let dir: string;
  const inputs: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-workers-'));
    const sources = ['000-sanyuan-2023.docx', '004-baocheng-2024.xlsx', '002-songying-2023.docx', '003-dept-2023.docx'];
    // enough files for two workers, mixed so that workers finish out of order
    for (let i = 0; i < FILES_PER_WORKER + 6; i++) {
      const name = sources[i % sources.length];
      const path = join(dir, `${String(i).padStart(3, '0')}-${name}`);
      copyFileSync(join('fixtures', name), path);
      inputs.push(path);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (jobs: number): Promise<FileResult[]> => {
    const out: FileResult[] = [];
    for await (const r of checkFiles(inputs, defaultConfig, { jobs, keepReports: false })) out.push(r);
    return out;
  };

  it('gives every file once, in input order, with the findings one worker gives', async () => {
    expect(workerCount(inputs.length, 2)).toBe(2);
    const [one, two] = [await run(1), await run(2)];
    expect(two.map((r) => r.path)).toEqual(inputs);
    expect(two).toEqual(one);
    expect(one.every((r) => r.status === 'ok')).toBe(true);
  });
});
