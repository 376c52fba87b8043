// The checks end to end on the real corpus: the known arithmetic of DOMAIN.md, and a clean run elsewhere.
import { describe, it, expect } from 'vitest';
import { checkFile } from '../src/pipeline.js';
import { Config } from '../src/config.js';
import type { Finding } from '../src/findings.js';

const ARITHMETIC = new Set(['rate', 'share', 'sum', 'growth', 'list-count', 'score-cap', 'score-total', 'grade', 'weight-total', 'indicator-score', 'exec-score', 'cross-ref']);
const fx = (name: string) => `fixtures/${name}`;

async function arithmetic(name: string, config: unknown = {}): Promise<Finding[]> {
  const r = await checkFile(fx(name), Config.parse(config));
  return r.findings.filter((f) => ARITHMETIC.has(f.rule) && f.severity !== 'info');
}
const project = (f: Finding) => ({ rule: f.rule, messageId: f.messageId, severity: f.severity, expected: f.expected, actual: f.actual });

describe('corpus: known arithmetic', () => {
  it.each(['000-sanyuan-2023.docx', '000-sanyuan-2023.pdf'])('%s: 90.07 truncated (warning) and 170 staff with parts adding to 168 (warning)', async (name) => {
    const found = await arithmetic(name);
    expect(found.map(project)).toEqual(expect.arrayContaining([
      { rule: 'rate', messageId: 'truncated', severity: 'warning', expected: '90.08%', actual: '90.07%' },
      { rule: 'sum', messageId: 'incomplete', severity: 'warning', expected: '168人', actual: '170人' },
    ]));
    expect(found).toHaveLength(2);
    const rate = found.find((f) => f.rule === 'rate')!;
    expect(rate.evidence).toContain('90.07%');
    expect(rate.location.paragraph).toBe(9);
  });

  it.each(['004-baocheng-2024.docx', '004-baocheng-2024-embedded.docx', '004-baocheng-2024.pdf'])('%s: only 45.9 truncated (warning); 93.8 and everything else adds up', async (name) => {
    const found = await arithmetic(name);
    expect(found.map(project)).toEqual([{ rule: 'rate', messageId: 'truncated', severity: 'warning', expected: '46.0%', actual: '45.9%' }]);
    expect(found[0].evidence).toContain('45.9%');
  });

  it.each(['001-quanfang-2023.docx', '002-songying-2023.docx', '003-dept-2023.docx', '004-baocheng-2024.xlsx', '003-dept-2023.pdf'])('%s: clean', async (name) => {
    expect((await arithmetic(name)).map(project)).toEqual([]);
  });
});

describe('corpus: configuration', () => {
  it('rounding round turns the truncation into an error; truncate-ok silences it', async () => {
    expect((await arithmetic('004-baocheng-2024.docx', { rounding: 'round' })).map(project)).toEqual([
      { rule: 'rate', messageId: 'mismatch', severity: 'error', expected: '46.0%', actual: '45.9%' },
    ]);
    expect(await arithmetic('004-baocheng-2024.docx', { rounding: 'truncate-ok' })).toEqual([]);
  });
  it('a rule turned off, another raised', async () => {
    const found = await arithmetic('000-sanyuan-2023.docx', { rules: { rate: 'off', sum: 'error' } });
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['sum', 'warning']]); // the rule marks an incomplete list milder
  });
  it('reader rules are configurable: read-error off hides the encrypted PDF finding', async () => {
    const r = await checkFile(fx('encrypted.pdf'), Config.parse({ rules: { 'read-error': 'warning' } }));
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([['read-error', 'warning']]);
    const off = await checkFile(fx('encrypted.pdf'), Config.parse({ rules: { 'read-error': 'off' } }));
    expect(off.findings).toEqual([]);
  });
});
