// The workbook's 汇总 row for a form: 单位, 年度, 类型, 预算数, 支出数 and 执行率 come from the form itself.
import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { xlsx } from '../src/report/xlsx.js';
import { summarize } from '../src/report/common.js';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';

async function summaryOf(paths: string[]): Promise<ExcelJS.Worksheet> {
  const results = await Promise.all(paths.map((p) => checkFile(p, defaultConfig)));
  const bytes = await xlsx.end(results, { lang: 'zh', color: false }, summarize(results));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  return wb.getWorksheet('汇总')!;
}

const row = (ws: ExcelJS.Worksheet, r: number) => {
  const cell = (c: number) => ws.getRow(r).getCell(c).value;
  const rate = cell(7) as { result?: unknown } | null;
  return { unit: cell(2), year: cell(3), kind: cell(4), budget: cell(5), spending: cell(6), rate: rate?.result };
};

describe('汇总 rows of forms', () => {
  it('fills 单位, 年度, 类型, 预算数, 支出数 and 执行率 from the form, in every format alike', async () => {
    const ws = await summaryOf(['xlsx', 'docx', 'pdf'].map((f) => `test/data/forms/national-form.${f}`));
    for (const r of [2, 3, 4]) {
      expect(row(ws, r)).toEqual({ unit: '示例县交通运输局', year: 2023, kind: '项目支出绩效自评表', budget: 120, spending: 108, rate: 0.9 });
    }
  });

  it('reads the 万元 of the block heading, and a form whose 执行率 is written as the fraction 1', async () => {
    const ws = await summaryOf(['test/data/reports/a-jishan-jbgw-2021.xlsx', 'test/data/reports/a-changjiang-yyby-2020.xlsx']);
    expect(row(ws, 2)).toMatchObject({ unit: '稷山县翟店镇卫生院', year: 2021, kind: '项目支出绩效自评表', budget: 207.4538, spending: 207.4538, rate: 1 });
    expect(row(ws, 3)).toMatchObject({ unit: '农业工作科', year: 2020, budget: 1.56, spending: 1.56, rate: 1 });
  });
});
