// What the CLI says about output paths, write failures, configuration, input lists and review copies, in zh and en.
// Kept together (issue 21) so that the message catalog (issue 18) can take them over in one move.

import { join } from 'node:path';

export type Lang = 'zh' | 'en';

/** One message in both languages, as a function of its values. */
interface Message<A extends unknown[]> { zh: (...a: A) => string; en: (...a: A) => string }
const m = <A extends unknown[]>(zh: (...a: A) => string, en: (...a: A) => string): Message<A> => ({ zh, en });

/** What a system error code means, for a sentence about a path (unknown codes are shown as they are). */
const ERRNO: Record<string, { zh: string; en: string }> = {
  ENOSPC: { zh: '磁盘已满', en: 'no space left on the device' },
  EDQUOT: { zh: '超出磁盘配额', en: 'disk quota exceeded' },
  EACCES: { zh: '没有写入权限', en: 'permission denied' },
  EPERM: { zh: '没有写入权限', en: 'operation not permitted' },
  EROFS: { zh: '只读文件系统', en: 'read-only file system' },
  ENOTDIR: { zh: '路径中有一段是文件而不是文件夹', en: 'a part of the path is a file, not a folder' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  ENOENT: { zh: '文件夹不存在', en: 'the folder does not exist' },
  ENAMETOOLONG: { zh: '文件名或路径过长', en: 'the file name or path is too long' },
  EIO: { zh: '输入/输出错误', en: 'input/output error' },
  EFBIG: { zh: '文件过大', en: 'file too large' },
  EEXIST: { zh: '已存在同名文件', en: 'a file of that name exists' },
};

/** "磁盘已满（ENOSPC）": a system error in words, with its code for a search. */
export function errnoText(code: string | undefined, lang: Lang): string {
  const words = code ? ERRNO[code]?.[lang] : undefined;
  if (!code) return lang === 'en' ? 'unknown error' : '未知错误';
  return words ? (lang === 'en' ? `${words} (${code})` : `${words}（${code}）`) : code;
}

export const messages = {
  // output paths (checked before any report is read) and write failures
  outputIsFolder: m((p: string, example: string) => `-o ${p} 是一个已存在的文件夹；请给出要写入的文件名，例如 -o ${join(p, example)}。`,
    (p: string, example: string) => `-o ${p} is an existing folder; name the file to write, e.g. -o ${join(p, example)}.`),
  outputUnusable: m((p: string, why: string) => `无法写入 -o ${p}：${why}。`, (p: string, why: string) => `cannot write -o ${p}: ${why}.`),
  writeFailed: m((p: string, why: string) => `写入 ${p} 失败：${why}；输出不完整。`, (p: string, why: string) => `writing ${p} failed: ${why}; the output is incomplete.`),
  stdoutFailed: m((why: string) => `写入标准输出失败：${why}；输出不完整。`, (why: string) => `writing to standard output failed: ${why}; the output is incomplete.`),

  // configuration
  configLoaded: m((p: string) => `jixiao: 使用配置文件 ${p}\n`, (p: string) => `jixiao: using the configuration file ${p}\n`),
  unknownKey: m((key: string, where: string, near: string | undefined, known: string[]) =>
    `${where}没有“${key}”这一项${near ? `，是否想写“${near}”？` : ''}（可用的项：${known.join('、')}）`,
  (key: string, where: string, near: string | undefined, known: string[]) =>
    `${where}has no setting "${key}"${near ? `; did you mean "${near}"?` : ''} (settings: ${known.join(', ')})`),
  unreadRuleOff: m((rule: string, severity: string) =>
    `规则“${rule}”不能设为 ${severity}：它报告的是未能读取或未能核查的文件，关掉它会让这样的文件显得没有问题，最低可设为 warning`,
  (rule: string, severity: string) =>
    `rule "${rule}" cannot be set to ${severity}: it reports a file that was not read or not checked, and silencing it would let such a file pass as clean; the lowest allowed is warning`),

  // input lists
  nulInList: m(() => '标准输入的路径列表中有 NUL 字符（像是 find -print0 的输出）：请加 -0（--null）按 NUL 分隔读取。',
    () => 'the path list on standard input contains a NUL character (as find -print0 writes): add -0 (--null) to read NUL-separated paths.'),
  readFolder: m((p: string) => `${p} 是一个文件夹；read 和 extract 读取单个文件。要检查文件夹里的全部报告，请用 jixiao check ${p}`,
    (p: string) => `${p} is a folder; read and extract take files. To check every report in it, use jixiao check ${p}`),
  nothingToCheck: m(() => '没有找到可检查的文件（.docx .pdf .xlsx .doc .xls .wps .et .ofd）。请确认路径；文件夹可能为空时加 --allow-empty。',
    () => 'no files to check (.docx .pdf .xlsx .doc .xls .wps .et .ofd). Check the paths; add --allow-empty where an empty folder is normal.'),
  skippedLoop: m((p: string, target: string) => `jixiao: 跳过 ${p}：符号链接循环，指回上级文件夹 ${target}。\n`,
    (p: string, target: string) => `jixiao: skipped ${p}: a symbolic link loop back to the folder ${target}.\n`),
  skippedLinkLoop: m((p: string, target: string) => `jixiao: 跳过 ${p}：符号链接循环（指向 ${target}，最终又指回自身）。\n`,
    (p: string, target: string) => `jixiao: skipped ${p}: a symbolic link loop (it points to ${target}, which leads back to itself).\n`),
  skippedReviewCopy: m((p: string) => `jixiao: 跳过 ${p}：它是 jixiao 写的审阅副本，不作为报告检查。\n`,
    (p: string) => `jixiao: skipped ${p}: it is a review copy jixiao wrote, not a report.\n`),

  // review copies (annotate)
  copyListed: m((source: string, copy: string, replaced: boolean) => `${source} → ${copy}${replaced ? '（替换了上次为该文件写的副本）' : ''}\n`,
    (source: string, copy: string, replaced: boolean) => `${source} → ${copy}${replaced ? ' (replaced the earlier copy of this file)' : ''}\n`),
  noCopy: m((p: string, why: string) => `jixiao: ${p}：未写审阅副本：${why}。\n`, (p: string, why: string) => `jixiao: ${p}: no review copy: ${why}.\n`),
  annotateOutputIsFile: m((p: string) => `-o ${p} 是已存在的文件，且不是 jixiao 为这个输入写的审阅副本，不会覆盖它。请给出文件夹，或一个新文件名（只有一个输入文件时）。`,
    (p: string) => `-o ${p} is an existing file, not the review copy jixiao wrote of this input; it is not overwritten. Give a folder, or a new file name (for a single input file).`),
  annotateOutputOneFile: m((p: string, n: number) => `-o ${p} 是一个文件名，但有 ${n} 个文件要写审阅副本；请用一个文件夹，例如 -o 审阅/。`,
    (p: string, n: number) => `-o ${p} is a file name, but ${n} files are to be annotated; give a folder, e.g. -o review/.`),
  annotateOutputExtension: m((p: string, want: string) => `-o ${p} 的扩展名与审阅副本的格式不符：这个文件的副本是 ${want}。`,
    (p: string, want: string) => `-o ${p} does not have the review copy's extension: this file's copy is ${want}.`),
  whyNoCopy: {
    failed: m((why?: string) => `文件未能读取${why ? `：${why.replace(/[。.]\s*$/, '')}` : ''}`, (why?: string) => `the file could not be read${why ? `: ${why.replace(/\.\s*$/, '')}` : ''}`),
    ofd: m(() => 'OFD 文件暂不能写审阅副本，问题见 check 的结果', () => 'review copies of OFD files are not supported yet; see check for the findings'),
    scan: m(() => '扫描件：文字不在文字层里（没有文字层或经 OCR 识别），副本无法把问题标在原处，问题见 check 的结果',
      () => 'a scan: its text is not in a text layer (none, or read by OCR), so a copy cannot mark the findings where they are; see check'),
    unknown: m(() => '不是 Word、Excel 或 PDF 文件', () => 'not a Word, Excel or PDF file'),
    noSoffice: m((target: string) => `旧版文件的审阅副本是它转换成的 .${target}，需要 LibreOffice（soffice），本机未安装`,
      (target: string) => `the review copy of a legacy file is its conversion to .${target}, which needs LibreOffice (soffice), not installed here`),
    conversion: m((cause: string) => `LibreOffice 未能转换该文件（${cause}）`, (cause: string) => `LibreOffice could not convert the file (${cause})`),
    outputExtension: m((p: string, want: string) => `副本应为 ${want} 文件，与 -o ${p} 的扩展名不符`, (p: string, want: string) => `the copy is a ${want} file, unlike -o ${p}`),
    write: m((why: string) => `写入副本失败：${why}`, (why: string) => `writing the copy failed: ${why}`),
    internal: m((cause: string) => `生成副本时出错（${cause}）`, (cause: string) => `the copy could not be made (${cause})`),
  },
} as const;
