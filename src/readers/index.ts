// Reads any supported file into a SourceDocument; every failure becomes a finding, never an exception.
import { readFile } from 'node:fs/promises';
import type { SourceDocument } from '../document.js';
import { ReadFailure, type Finding, type Location } from '../findings.js';
import { detectFormat, zipMembers } from './detect.js';
import { readDocx } from './docx.js';
import { readPdf } from './pdf.js';
import { readXlsx } from './xlsx.js';
import { declaredBombReason, zipBomb } from './zip.js';

export interface ReadResult {
  document: SourceDocument;
  /** Reader diagnostics: read-error, legacy-format, no-text, embedded-object warnings. */
  findings: Finding[];
}

export type ReaderFinding = Omit<Finding, 'location'> & { location?: Partial<Location> };

/** What each reader returns; the path is filled in by readDocument. */
export interface ReaderOutput {
  blocks: SourceDocument['blocks'];
  pages?: number;
  findings: ReaderFinding[];
}

function failure(path: string, format: SourceDocument['format'], err: ReadFailure): ReadResult {
  return {
    document: { path, format, blocks: [] },
    findings: [{
      rule: err.rule,
      severity: err.rule === 'no-text' ? 'warning' : 'error',
      message: err.message,
      messageId: err.messageId,
      location: { file: path },
      data: { en: err.messageEn },
    }],
  };
}

export async function readBuffer(path: string, buf: Uint8Array): Promise<ReadResult> {
  const detected = detectFormat(buf, path);
  try {
    if (detected.format === 'docx' || detected.format === 'xlsx') {
      const bomb = declaredBombReason(zipMembers(buf) ?? []);
      if (bomb) throw zipBomb(bomb.zh, bomb.en);
    }
    let out: ReaderOutput;
    switch (detected.format) {
      case 'docx': out = await readDocx(buf); break;
      case 'xlsx': out = await readXlsx(buf); break;
      case 'pdf': out = await readPdf(buf); break;
      case 'doc':
      case 'xls': {
        const conv = detected.format === 'doc' ? 'docx' : 'xlsx';
        throw new ReadFailure('legacy-format',
          `这是旧版 Office 二进制格式（.${detected.format}），暂不支持读取。请用 Word/WPS/Excel“另存为” .${conv}，或运行 \`libreoffice --headless --convert-to ${conv} 文件名\` 转换后再检查。`,
          `Legacy binary Office format (.${detected.format}) is not supported yet. Save it as .${conv} in Word/WPS/Excel or run \`libreoffice --headless --convert-to ${conv} FILE\`.`);
      }
      default: {
        const why: Record<typeof detected.reason, [string, string]> = {
          empty: ['文件为空（0 字节），无法读取。请重新获取或重新导出该文件。', 'The file is empty (0 bytes).'],
          'zip-corrupt': ['文件已损坏：压缩包结构不完整（可能下载或复制时被截断）。请重新获取原文件，或用 Word/WPS 打开修复后另存。', 'Corrupt file: the zip structure is incomplete (possibly truncated).'],
          'zip-other': ['压缩包中既没有 word/document.xml 也没有 xl/workbook.xml，不是 Word 或 Excel 文档。', 'A zip archive, but neither a Word nor an Excel document.'],
          text: ['这是纯文本文件，不是 docx、pdf 或 xlsx。请提交原始的 Word、PDF 或 Excel 文件。', 'A plain text file, not docx, pdf or xlsx.'],
          binary: ['无法识别的文件格式：既不是 docx、xlsx，也不是 PDF。请确认文件扩展名与内容一致。', 'Unrecognised file format: not docx, xlsx or PDF.'],
          ole2: ['旧版 Office 复合文档，无法识别其类型（Word 或 Excel）。请另存为 .docx 或 .xlsx。', 'A legacy OLE2 compound file of unknown type.'],
        };
        const [zh, en] = why[detected.reason];
        throw new ReadFailure('read-error', zh, en);
      }
    }
    const document: SourceDocument = { path, format: detected.format, blocks: out.blocks };
    if (out.pages !== undefined) document.pages = out.pages;
    const findings: Finding[] = out.findings.map((f) => ({ ...f, location: { file: path, ...f.location } }));
    return { document, findings };
  } catch (err) {
    if (err instanceof ReadFailure) return failure(path, detected.format === 'unknown' ? 'unknown' : detected.format, err);
    const msg = err instanceof Error ? err.message : String(err);
    return failure(path, detected.format === 'unknown' ? 'unknown' : detected.format,
      new ReadFailure('read-error', `无法读取该${detected.format}文件：${msg}。文件可能已损坏，请用原软件打开并重新另存后再试。`,
        `Cannot read this ${detected.format} file: ${msg}`));
  }
}

export async function readDocument(path: string): Promise<ReadResult> {
  let buf: Uint8Array;
  try {
    buf = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const zh = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : `无法打开文件（${code}）`;
    return failure(path, 'unknown', new ReadFailure('read-error', `${zh}：${path}`, `Cannot open file (${code}): ${path}`));
  }
  return readBuffer(path, buf);
}
