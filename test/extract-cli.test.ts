// `jixiao extract` end to end through main(): a paragraph-only report yields empty tables, a workbook yields its records.
import { describe, it, expect } from 'vitest';
import { main } from '../src/cli.js';
import { Report } from '../src/model/schema.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const code = await main(['node', 'jixiao', ...args], { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

describe('jixiao extract', () => {
  it('a paragraph-only docx: exit 0, empty indicator, score and budget records', async () => {
    const { code, stdout, stderr } = await run(['extract', 'fixtures/000-sanyuan-2023.docx']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = Report.parse((JSON.parse(stdout) as unknown[])[0]);
    expect(report.path).toBe('fixtures/000-sanyuan-2023.docx');
    expect([report.indicators, report.scoreItems, report.budget]).toEqual([[], [], []]);
    expect(report.relations.filter((r) => r.kind === 'section-max')).toEqual([]);
  });

  it('a workbook: records that validate against the report schema', async () => {
    const { code, stdout } = await run(['extract', 'fixtures/004-baocheng-2024.xlsx']);
    expect(code).toBe(0);
    const report = Report.parse((JSON.parse(stdout) as unknown[])[0]);
    expect(report.indicators).toHaveLength(49);
    expect(report.scoreItems.filter((i) => !i.deduction)).toHaveLength(25);
    expect(report.relations.some((r) => r.kind === 'total-score' && r.score.value === 93.8)).toBe(true);
  });
});
