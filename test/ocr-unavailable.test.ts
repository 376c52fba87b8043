// --ocr when tesseract.js cannot be loaded (a broken install): a clear finding for that file, and the batch goes on.
import { describe, it, expect, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles } from '../src/batch.js';
import { defaultConfig } from '../src/config.js';
import { scannedPdf } from './helpers/hostile-inputs.js';

// the library itself fails to load, as when node_modules lacks it; the reader and pipeline are the real ones
vi.mock('tesseract.js', () => { throw new Error("Cannot find package 'tesseract.js'"); });

describe('OCR packages that fail to load', () => {
  it('the scan gets an error that names the OCR components and how to fix them; the next file is still checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-ocr-missing-'));
    try {
      writeFileSync(join(dir, 'a-scan.pdf'), scannedPdf(2));
      const results = [];
      // in this thread (jobs 0): the mock does not reach worker threads
      for await (const r of checkFiles([join(dir, 'a-scan.pdf'), 'fixtures/002-songying-2023.pdf'], defaultConfig, { jobs: 0, ocr: true })) results.push(r);
      const [scan, text] = results;
      expect(scan.status).toBe('failed');
      expect(scan.findings.map((f) => [f.rule, f.severity, f.messageId])).toEqual([['ocr', 'error', 'unavailable']]);
      expect(scan.findings[0].message).toMatch(/OCR 组件（tesseract\.js.*无法加载：.+。该扫描件未能核查.*npm ci/);
      expect(text.status).toBe('ok');
      expect(text.coverage?.checked).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
