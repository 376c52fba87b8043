// xlsx review copy: a note on each cell a finding names, the cell filled by severity, and a first sheet listing every finding.
import ExcelJS from 'exceljs';
import type { Finding, Severity } from '../findings.js';
import { actualOf, expectedOf, messageOf, severityLabel, type Lang } from '../report/common.js';
import { COLOURS, locationWords, noteLines } from './place.js';
import { ui } from '../catalog/ui.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The sheet name of the findings list; a workbook that already has one gets a numbered name. */
function listName(wb: ExcelJS.Workbook, lang: Lang): string {
  const base = ui('review-sheet', lang);
  let name = base;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${base}${n}`;
  return name;
}

/** A sheet name as a formula reference writes it. */
const quoted = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/**
 * The workbook with the notes, fills and findings sheet added. exceljs keeps values, formulas, styles, merges,
 * column widths and defined names through a load and write (tested); each filled cell gets its own copy of its
 * style, because exceljs shares one style object among cells that had the same style.
 */
export async function annotateXlsx(buf: Uint8Array, findings: Finding[], lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  const notes = new Map<ExcelJS.Cell, Finding[]>();
  const placed = new Map<Finding, string>();
  for (const f of findings) {
    const { sheet, cell } = f.location;
    const ws = sheet ? wb.getWorksheet(sheet) : undefined;
    if (!ws || !cell || !/^[A-Z]{1,3}\d+$/.test(cell)) continue;
    const target = ws.getCell(cell).master;
    notes.set(target, [...(notes.get(target) ?? []), f]);
    placed.set(f, `${quoted(ws.name)}!${target.address}`);
  }
  for (const [cell, list] of notes) {
    const worst = list.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a)).severity;
    cell.note = list.map((f) => noteLines(f, lang).join('\n')).join('\n\n');
    cell.style = structuredClone(cell.style ?? {});
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS[worst].argb } };
  }

  const list = wb.addWorksheet(listName(wb, lang));
  // lowest order number: written first, so it is the first tab
  const ordered = (ws: ExcelJS.Worksheet) => ws as unknown as { orderNo: number };
  ordered(list).orderNo = Math.min(...wb.worksheets.map((w) => ordered(w).orderNo)) - 1;
  const head = (['review-number', 'review-severity', 'review-rule', 'review-location', 'review-message', 'review-expected', 'review-actual'] as const)
    .map((id) => ui(id, lang));
  list.addRow(head).font = { bold: true };
  findings.forEach((f, i) => {
    const where = locationWords(f, lang);
    const link = placed.get(f);
    const row = list.addRow([i + 1, severityLabel(f.severity, lang), f.rule,
      link ? { text: where, hyperlink: `#${link}` } : where, messageOf(f, lang), expectedOf(f, lang) ?? '', actualOf(f) ?? '']);
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOURS[f.severity].argb } };
    if (link) row.getCell(4).font = { color: { argb: 'FF0563C1' }, underline: true };
    row.alignment = { vertical: 'top' };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    // viewers do not grow a row for wrapped text on opening: about 80 columns a line, a CJK character taking two
    const widthUnits = [...messageOf(f, lang)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    row.height = 15 * Math.max(1, Math.ceil(widthUnits / 78));
  });
  list.columns.forEach((col, i) => { col.width = [6, 8, 16, 24, 80, 14, 14][i]; });
  list.views = [{ state: 'frozen', ySplit: 1 }];
  // printed, the list is one A4 landscape page wide
  list.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
