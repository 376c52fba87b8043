// Reads any supported file into a SourceDocument; every failure becomes a finding, never an exception.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { SourceDocument } from '../document.js';
import { ReadFailure, causeText, type Finding, type Location } from '../findings.js';
import { detectFormat, zipMembers } from './detect.js';
import { declaredBombReason, zipBomb } from './zip.js';

// Each reader pulls in a large library (mammoth, pdf.js, exceljs): load it the first time its format is met,
// so a run over PDFs alone never pays for exceljs, and commands that read nothing start fast.
const readers = {
  docx: async (buf: Uint8Array) => (await import('./docx.js')).readDocx(buf),
  pdf: async (buf: Uint8Array) => (await import('./pdf.js')).readPdf(buf),
  xlsx: async (buf: Uint8Array) => (await import('./xlsx.js')).readXlsx(buf),
};

/**
 * Largest input read. Real reports are a few MB (scanned PDFs a few hundred); anything bigger is refused before it
 * is loaded, so one huge file cannot take the memory the rest of a folder run needs.
 */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

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
      case 'docx':
      case 'xlsx':
      case 'pdf': out = await readers[detected.format](buf); break;
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
    const msg = causeText(err);
    // A recursive parser that meets nesting the guards did not foresee runs out of stack (pdf.js passes the error on
    // as a plain Error, so it is known by its message); say so plainly.
    if (/call stack size exceeded/i.test(msg)) {
      return failure(path, detected.format === 'unknown' ? 'unknown' : detected.format, new ReadFailure('read-error',
        '文件内部结构嵌套过深，解析时超出调用栈，无法读取。文件可能是恶意构造或已损坏；请用原软件打开后另存，或向报送单位索取正常文件。',
        'The file nests its structure too deeply to parse (call stack exceeded); it may be hostile or broken.', 'too-deep'));
    }
    return failure(path, detected.format === 'unknown' ? 'unknown' : detected.format,
      new ReadFailure('read-error', `无法读取该${detected.format}文件：${msg}。文件可能已损坏，请用原软件打开并重新另存后再试。`,
        `Cannot read this ${detected.format} file: ${msg}`));
  }
}

/** The failure for a path that could not be opened, by its error code. */
function notReadable(err: unknown, path: string): ReadFailure {
  const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
  const zh = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹'
    : code === 'ELOOP' ? '符号链接循环' : `无法打开文件（${code}）`;
  return new ReadFailure('read-error', `${zh}：${path}`, `Cannot open file (${code}): ${path}`);
}

export async function readDocument(path: string): Promise<ReadResult> {
  let buf: Uint8Array;
  try {
    // Opened without blocking and checked before reading: a FIFO or device named like a report must not hang or
    // stream forever, and a huge file is refused before it is loaded.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const s = await handle.stat();
      if (s.isDirectory()) return failure(path, 'unknown', notReadable({ code: 'EISDIR' }, path));
      if (!s.isFile()) {
        return failure(path, 'unknown', new ReadFailure('read-error',
          `这不是普通文件（可能是设备、管道或套接字），未读取：${path}`, `Not a regular file (a device, pipe or socket); not read: ${path}`, 'not-a-file'));
      }
      if (s.size > MAX_FILE_BYTES) {
        const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
        return failure(path, 'unknown', new ReadFailure('read-error',
          `文件过大（${mib(s.size)}），超过 ${mib(MAX_FILE_BYTES)} 的上限，未读取。绩效自评报告通常只有几 MB；请确认是否放错了文件，或拆分后再检查。`,
          `The file is too large (${mib(s.size)}, over the ${mib(MAX_FILE_BYTES)} limit); it was not read.`, 'too-large'));
      }
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    return failure(path, 'unknown', notReadable(err, path));
  }
  return readBuffer(path, buf);
}
