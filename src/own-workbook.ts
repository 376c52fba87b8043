// Recognises a workbook jixiao itself wrote (summary -o), so a folder walk skips it instead of reading it as a report.
import { open } from 'node:fs/promises';
import { listZip, inflateEntries, InflateBudget } from './readers/zip.js';

/**
 * The sheets jixiao's workbook has, in order, in each message language (src/report/xlsx.ts names them); the last,
 * 跨文件核对, only when the checks across files ran.
 */
export const WORKBOOK_SHEETS = {
  zh: ['汇总', '问题清单', '指标', '评分', '跨文件核对'],
  en: ['Summary', 'Findings', 'Indicators', 'Scores', 'Across files'],
} as const;

/** How many of WORKBOOK_SHEETS a workbook without the checks across files has. */
const WITHOUT_CROSS_FILE = 4;

/** The author jixiao writes into docProps/core.xml. */
export const WORKBOOK_CREATOR = 'jixiao';

/** A summary workbook is small XML; anything much larger is someone's data, not ours, and is not opened twice. */
const MAX_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8');

function sheetNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
}

/**
 * True when the file is an .xlsx whose author is jixiao and whose sheets are exactly jixiao's (four, or five with
 * 跨文件核对). Both must hold: an auditor's own workbook that happens to have a sheet named 汇总 is still read as a report.
 * Any failure to open or unpack means "not ours", and the reader then reports on the file as usual.
 */
export async function isJixiaoWorkbook(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    let buf: Buffer;
    try {
      const { size } = await handle.stat();
      if (size > MAX_BYTES) return false;
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
    const parts = inflateEntries(buf, listZip(buf), (e) => e.name === 'docProps/core.xml' || e.name === 'xl/workbook.xml', new InflateBudget(16 * 1024 * 1024));
    const core = parts['docProps/core.xml'], workbook = parts['xl/workbook.xml'];
    if (!core || !workbook) return false;
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(utf8.decode(core))?.[1];
    if (creator !== WORKBOOK_CREATOR) return false;
    const names = sheetNames(utf8.decode(workbook)).join('\n');
    return Object.values(WORKBOOK_SHEETS).some((set) => set.join('\n') === names || set.slice(0, WITHOUT_CROSS_FILE).join('\n') === names);
  } catch {
    return false;
  }
}
