// OFD packages built at test time (GB/T 33190 structure: OFD.xml → Document.xml → pages and a template page): prose
// lines and ruled tables placed in millimetres, as a producer writes them.
import { zipSync, strToU8 } from 'fflate';

export const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The advances between characters as a producer writes them: 4 mm after a CJK character, 2 mm after a digit, runs of
 * equal advances in the g shorthand. */
function deltaX(s: string): string {
  const advances = [...s].slice(0, -1).map((ch) => (/[\x20-\x7e]/.test(ch) ? 2 : 4));
  const out: string[] = [];
  for (let i = 0; i < advances.length;) {
    let j = i;
    while (j < advances.length && advances[j] === advances[i]) j++;
    out.push(j - i > 1 ? `g ${j - i} ${advances[i]}` : String(advances[i]));
    i = j;
  }
  return out.join(' ');
}

/** One line of text as a TextObject, 4 mm type. */
export function text(id: number, x: number, y: number, s: string, ctm?: string): string {
  const n = [...s].length;
  const delta = n > 1 ? ` DeltaX="${deltaX(s)}"` : '';
  return `<ofd:TextObject ID="${id}" Boundary="${x} ${y - 4} ${n * 4 + 2} 6" Font="1" Size="4"${ctm ? ` CTM="${ctm}"` : ''}>`
    + `<ofd:TextCode X="0" Y="4"${delta}>${esc(s)}</ofd:TextCode></ofd:TextObject>`;
}
export const line = (id: number, x0: number, y0: number, x1: number, y1: number) =>
  `<ofd:PathObject ID="${id}" Boundary="0 0 210 297" LineWidth="0.25"><ofd:AbbreviatedData>M ${x0} ${y0} L ${x1} ${y1}</ofd:AbbreviatedData></ofd:PathObject>`;

/** A ruled table: rows × columns of cells 40 mm wide and 8 mm high, top-left at (20, top). */
export function table(top: number, rows: string[][]): string {
  let id = 500;
  const out: string[] = [];
  const cols = rows[0]!.length;
  for (let r = 0; r <= rows.length; r++) out.push(line(id++, 20, top + r * 8, 20 + cols * 40, top + r * 8));
  for (let c = 0; c <= cols; c++) out.push(line(id++, 20 + c * 40, top, 20 + c * 40, top + rows.length * 8));
  rows.forEach((row, r) => row.forEach((cell, c) => out.push(text(id++, 22 + c * 40, top + r * 8 + 6, cell))));
  return out.join('');
}

export function ofd(pages: string[]): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'OFD.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
    'Doc_0/Document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>`
      + `<ofd:TemplatePage ID="900" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages>`
      + pages.map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('') + '</ofd:Pages></ofd:Document>'),
    // the template draws the page number in the footer: running text, not report text
    'Doc_0/Tpls/Tpl_0/Content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="901">${text(902, 100, 285, '- 1 -')}</ofd:Layer></ofd:Content></ofd:Page>`),
  };
  pages.forEach((content, i) => {
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Template TemplateID="900" ZOrder="Background"/><ofd:Content><ofd:Layer ID="${100 + i}">${content}</ofd:Layer></ofd:Content></ofd:Page>`);
  });
  return zipSync(files);
}

export const PROSE = ['一、部门预算执行情况', '全年预算数9883.28万元，全年执行数8724.90万元，', '预算执行率88.28%。'];
export const TABLE = [['项目', '预算数', '执行数', '执行率'], ['基本支出', '1132.68', '1132.68', '100%'], ['项目支出', '466.70', '420.03', '90%']];

export function report(rate: string): Uint8Array {
  const prose = [PROSE[0]!, PROSE[1]!, PROSE[2]!.replace('88.28%', rate)].map((s, i) => text(10 + i, 20, 30 + i * 8, s)).join('');
  // a line drawn through a CTM that doubles the size and moves it: still read as text where it lands
  const scaled = text(20, 0, 0, '附注', '2 0 0 2 20 100');
  return ofd([prose + table(130, TABLE) + scaled]);
}
