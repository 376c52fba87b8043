// form-unread: a file recognised as a form whose budget block or indicator table yields nothing says so, naming the table.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { checkFile } from './helpers/read.js';
import { defaultConfig } from '../src/config.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-form-unread-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** The national form's docx with its document.xml edited. */
function edited(name: string, edit: (xml: string) => string): string {
  const zip = unzipSync(readFileSync('test/data/forms/national-form.docx'));
  zip['word/document.xml'] = strToU8(edit(strFromU8(zip['word/document.xml'])));
  const path = join(dir, name);
  writeFileSync(path, zipSync(zip));
  return path;
}

const unread = async (path: string) => (await checkFile(path, defaultConfig)).findings.filter((f) => f.rule === 'form-unread');

describe('form-unread', () => {
  it('says nothing on a form whose blocks are read', async () => {
    expect(await unread('test/data/forms/national-form.docx')).toEqual([]);
    expect(await unread('test/data/forms/national-form.pdf')).toEqual([]);
    expect(await unread('test/data/reports/a-jishan-jbgw-2021.xlsx')).toEqual([]);
  });

  it('names the indicator table when its header is in words no profile knows', async () => {
    const path = edited('indicators-unread.docx', (x) => x
      .replace('>一级指标<', '>类别<').replace('>二级指标<', '>分类<').replace('>三级指标<', '>内容<')
      .replace('>年度指标值<', '>计划<').replace('>实际完成值<', '>完成<'));
    const found = await unread(path);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', messageId: 'unread', data: { block: 'indicators', table: '绩效指标表' } });
    expect(found[0].message).toContain('项目支出绩效自评表');
  });

  it('names both blocks when the form is titled but its table is gone (an image, a scan)', async () => {
    const path = edited('table-gone.docx', (x) => x.replace(/<w:tbl>[\s\S]*<\/w:tbl>/, '<w:p><w:r><w:t>（表格为图片）</w:t></w:r></w:p>'));
    const found = await unread(path);
    expect(found.map((f) => f.data?.block)).toEqual(['budget', 'indicators']);
    expect(found.every((f) => f.location.file === path)).toBe(true);
  });

  it('is about forms only: a prose report is not a form', async () => {
    expect(await unread('fixtures/003-dept-2023.docx')).toEqual([]);
  });

  it('can be turned off like any rule', async () => {
    const path = edited('off.docx', (x) => x.replace(/<w:tbl>[\s\S]*<\/w:tbl>/, ''));
    const result = await checkFile(path, { ...defaultConfig, rules: { 'form-unread': 'off' } });
    expect(result.findings.filter((f) => f.rule === 'form-unread')).toEqual([]);
  });
});
