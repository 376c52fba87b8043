// Builds test/data/forms/: a national 项目支出绩效自评表 and a “三公”经费 table as .xlsx and .docx, and their PDFs (LibreOffice);
// a long national form whose table runs over two or three pages, with and without its header printed again on each page;
// and the PDF LibreOffice Calc prints of development-set workbooks the set gives no PDF of (PRINTED).
// Run once by hand (`node scripts/make-form-fixtures.mjs`, needs soffice); the outputs are committed, tests only read them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';

/** The national project form's name row, budget block and indicator header: shared by its short and long fixtures. */
const NATIONAL_HEAD_ROWS = [
  ['项目名称', '乡村道路维护', '<', '<', '<', '<', '<', '<', '<'],
  ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', ''],
  ['^', '年度资金总额', '100', '120', '108', '10', '90%', '9', ''],
  ['^', '其中：当年财政拨款', '80', '90', '80', '—', '—', '—', ''],
  ['^', '上年结转资金', '20', '20', '18', '—', '—', '—', ''],
  ['^', '其他资金', '0', '10', '10', '—', '—', '—', ''],
  ['一级指标', '二级指标', '三级指标', '<', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
];

/** '<' continues the cell to the left (merged across), '^' the cell above (merged down). */
export const FORMS = {
  'national-form': {
    title: '2023年度项目支出绩效自评表',
    head: '单位名称：示例县交通运输局',
    rows: [
      ...NATIONAL_HEAD_ROWS,
      ['产出指标', '数量指标', '维护里程', '<', '≥30公里', '32公里', '40', '40', ''],
      ['^', '质量指标', '验收合格率', '<', '＝100%', '100%', '20', '20', ''],
      ['效益指标', '社会效益指标', '群众出行条件', '<', '明显改善', '明显改善', '20', '18', ''],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '<', '≥90%', '95%', '10', '10', ''],
      ['总分', '<', '<', '<', '<', '<', '100', '97', ''],
    ],
  },
  sangong: {
    title: '2023年度“三公”经费预算与决算对比表',
    head: '单位：万元',
    rows: [
      ['项目', '预算数', '决算数', '增减额', '增减率'],
      ['合计', '100.00', '80.00', '-20.00', '-20.00%'],
      ['因公出国（境）费', '20.00', '10.00', '-10.00', '-50.00%'],
      ['公务用车购置及运行费', '50.00', '45.00', '-5.00', '-10.00%'],
      ['其中：公务用车购置费', '30.00', '30.00', '0.00', '0.00%'],
      ['公务用车运行费', '20.00', '15.00', '-5.00', '-25.00%'],
      ['公务接待费', '30.00', '25.00', '-5.00', '-16.67%'],
    ],
  },
  'national-form-long': longForm('2023年度项目支出绩效自评表'),
  // Printed with its indicator header atop every page (the workbook's print titles; Word's repeated header row).
  'national-form-long-repeat': { ...longForm('2023年度项目支出绩效自评表'), repeat: [6], wordRepeat: 1 },
};

/** A national form with 30 indicators under merged labels: its table runs over the page, cutting the merged labels. */
function longForm(title) {
  const groups = [
    ['产出指标', '数量指标', 12, (i) => [`路段${i}维护里程`, '≥3公里', '3公里', '3', '3', '']],
    ['^', '质量指标', 8, (i) => (i === 5 ? ['路段5验收合格率', '≥95%', '93%', '3', '2.94', '部分路段雨季施工，返工后合格'] : [`路段${i}验收合格率`, '＝100%', '100%', '3', '3', ''])],
    ['^', '时效指标', 4, (i) => [`第${i}季度完成及时率`, '100%', '100%', '3', '3', '']],
    ['效益指标', '社会效益指标', 3, (i) => [`受益村${i}出行条件`, '明显改善', '明显改善', '3', '3', '']],
    ['满意度指标', '服务对象满意度指标', 3, (i) => [`受益村${i}群众满意度`, '≥90%', '95%', '3', '3', '']],
  ];
  const rows = [
    ...NATIONAL_HEAD_ROWS,
  ];
  for (const [level1, level2, n, row] of groups) {
    for (let i = 1; i <= n; i++) {
      const [name, ...rest] = row(i);
      rows.push([i === 1 ? level1 : '^', i === 1 ? level2 : '^', name, '<', ...rest]);
    }
  }
  rows.push(['总分', '<', '<', '<', '<', '<', '100', '98.94', '']);
  // wordPdf: also printed from Word's table (LibreOffice Writer), which cuts merged cells differently from Calc
  return { title, head: '单位名称：示例县交通运输局', rows, wordPdf: true };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A Word table: '<' widens the cell on its left (gridSpan), '^' continues the one above (vMerge). The first
 * `repeatRows` rows are header rows Word prints again atop every page the table runs onto.
 */
export function docxTable(rows, repeatRows = 0) {
  const width = rows[0].length;
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(width)}</w:tblGrid>`;
  const borders = '<w:tblBorders>' + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') + '</w:tblBorders>';
  const trs = rows.map((row, r) => {
    const tcs = [];
    for (let c = 0; c < width; c++) {
      if (row[c] === '<') continue;
      let span = 1;
      while (c + span < width && row[c + span] === '<') span++;
      const props = [];
      if (span > 1) props.push(`<w:gridSpan w:val="${span}"/>`);
      if (row[c] === '^') props.push('<w:vMerge/>');
      else if (rows[r + 1]?.[c] === '^') props.push('<w:vMerge w:val="restart"/>');
      const text = row[c] === '^' ? '' : row[c];
      tcs.push(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${1000 * span}"/>${props.join('')}</w:tcPr><w:p>${text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : ''}</w:p></w:tc>`);
    }
    return `<w:tr>${r < repeatRows ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${tcs.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblW w:type="auto" w:w="0"/>${borders}</w:tblPr>${grid}${trs.join('')}</w:tbl>`;
}

const para = (t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;

/** A .docx with a title, a line under it and the table: the package of a corpus docx with its body replaced. */
export function buildDocx(base, form) {
  const files = unzipSync(base);
  const xml = strFromU8(files['word/document.xml']);
  const body = `${para(form.title)}${para(form.head)}${docxTable(form.rows, form.wordRepeat)}<w:p/>`;
  files['word/document.xml'] = strToU8(xml.replace(/<w:body>[\s\S]*?(<w:sectPr[\s\S]*<\/w:body>|<\/w:body>)/, (_, tail) => `<w:body>${body}${tail.startsWith('<w:sectPr') ? tail : '</w:body>'}`));
  return zipSync(files);
}

/**
 * A workbook with the title row merged across, the line under it, and the table with its merges. `form.repeat`
 * (0-based table rows) are printed again atop every page, as a form's header row set to repeat.
 */
export async function buildXlsx(form, sheetName) {
  const wb = new ExcelJS.Workbook();
  // One page wide: a form printed across two pages side by side is a layout the PDF reader does not join.
  const ws = wb.addWorksheet(sheetName, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = form.rows[0].length;
  ws.addRow([form.title]);
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([form.head]);
  ws.mergeCells(2, 1, 2, width);
  const top = 3;
  form.rows.forEach((row) => ws.addRow(row.map((v) => (v === '<' || v === '^' ? null : /^-?\d+(\.\d+)?$/.test(v) ? { richText: [{ text: v }] } : v))));
  // Numbers go in as text so the cell shows exactly the digits written (100.00 stays 100.00).
  form.rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      if (row[c] === '<' || row[c] === '^') continue;
      let c2 = c; while (c2 + 1 < width && row[c2 + 1] === '<') c2++;
      let r2 = r; while (r2 + 1 < form.rows.length && form.rows[r2 + 1][c] === '^') r2++;
      if (c2 > c || r2 > r) ws.mergeCells(top + r, c + 1, top + r2, c2 + 1);
    }
  });
  if (form.repeat) ws.pageSetup.printTitlesRow = `${top + form.repeat[0]}:${top + form.repeat.at(-1)}`;
  ws.columns.forEach((col) => { col.width = 14; });
  for (let r = top; r < top + form.rows.length; r++) {
    for (let c = 1; c <= width; c++) ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    ws.getRow(r).height = 30;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Development-set workbooks printed by Calc as the set's own PDFs were: a two-line label centred in a one-line row. */
const PRINTED = ['test/data/reports/m-a-yongde-mlzx-2022.xlsx'];

/**
 * Development-set forms with every row made 40pt tall, so that Calc prints them over two or three pages: the page breaks
 * fall inside merged labels (a label over the whole middle page loses its column rules), inside a goal block (the cut
 * label is printed again below the table) and right after a header.
 */
const TALL = ['a-jishan-jbgw-2021', 'a-huanggang-stbc-2020', 'm-a-yongde-mlzx-2022'];

async function tallCopy(src, dst) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  for (const ws of wb.worksheets) ws.eachRow({ includeEmpty: true }, (row) => { row.height = 40; });
  await wb.xlsx.writeFile(dst);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = 'test/data/forms';
  mkdirSync(dir, { recursive: true });
  const base = readFileSync('test/data/reports/a-qu-shangwu-2020.docx');
  for (const [name, form] of Object.entries(FORMS)) {
    writeFileSync(`${dir}/${name}.docx`, buildDocx(base, form));
    writeFileSync(`${dir}/${name}.xlsx`, await buildXlsx(form, name === 'sangong' ? '三公经费' : '项目支出绩效自评表'));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, `${dir}/${name}.xlsx`], { stdio: 'ignore' });
    if (form.wordPdf) {
      const tmp = mkdtempSync(join(tmpdir(), 'form-fixtures-'));
      copyFileSync(`${dir}/${name}.docx`, join(tmp, `${name}-word.docx`));
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(tmp, `${name}-word.docx`)], { stdio: 'ignore' });
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  for (const name of TALL) {
    await tallCopy(`test/data/reports/${name}.xlsx`, `${dir}/${name}-tall.xlsx`);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, `${dir}/${name}-tall.xlsx`], { stdio: 'ignore' });
  }
  for (const path of PRINTED) {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.replace(/\/[^/]*$/, ''), path], { stdio: 'ignore' });
  }
}
