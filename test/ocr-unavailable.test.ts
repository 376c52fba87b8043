// --ocr when tesseract.js cannot be loaded (a broken install): a clear finding for that file, and the batch goes on.
import { describe, it, expect, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import type { Finding } from '../src/findings.js';
import { scannedPdf } from './helpers/hostile-inputs.js';

// the library itself fails to load, as when node_modules lacks it; the reader and pipeline are the real ones
vi.mock('tesseract.js', () => { throw new Error("Cannot find package 'tesseract.js'"); });

describe('OCR packages that fail to load', () => {
  it('the scan gets an error that names the OCR components and how to fix them; the next file is still read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-ocr-missing-'));
    try {
      writeFileSync(join(dir, 'a-scan.pdf'), scannedPdf(2));
      let stdout = '', bars = '';
      const progressStream = { isTTY: true, write: (s: string) => { bars += s; return true; } } as unknown as NodeJS.WritableStream;
      // `extract` reads in this thread, where the mock applies (check reads in worker threads); stderr is no terminal
      const code = await main(['node', 'jixiao', 'extract', '--ocr', join(dir, 'a-scan.pdf'), 'fixtures/002-songying-2023.pdf'],
        { stdout: (s) => { stdout += s; }, stderr: () => undefined, stderrIsTTY: false, progressStream });
      const [scan, text] = JSON.parse(stdout) as Array<{ findings?: Finding[]; relations: unknown[] }>;
      expect(code).toBe(1);
      expect(scan.findings?.map((f) => [f.rule, f.severity, f.messageId])).toEqual([['ocr', 'error', 'unavailable']]);
      expect(scan.findings?.[0].message).toMatch(/OCR 组件（tesseract\.js.*无法加载：.+。该扫描件未能核查.*npm ci/);
      expect(text.findings).toBeUndefined();
      expect(text.relations.length).toBeGreaterThan(0);
      // OCR started (and failed) with stderr not a terminal: no bar drawn
      expect(bars).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
