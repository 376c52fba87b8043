// Legacy binaries (.doc .wps .xls .et): converted by LibreOffice when it is installed (tables kept best), else read by
// the built-in readers (word-extractor for Word text, SheetJS CE for workbooks), so the numbers are checked either way.
import { causeText } from '../findings.js';
import { ReadFailure, type ReaderFinding, type ReaderOutput, type ReadOptions } from './contract.js';
import { ConversionTimeout, convertWithSoffice, findSoffice } from './soffice.js';

/** The time a file may take when the caller sets none (the CLI's --timeout default). */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * How long LibreOffice may take: most of the file's time, leaving enough to read the converted file, so the conversion
 * is stopped (and its processes killed) by this reader before the batch gives up on the whole file.
 */
export function conversionLimitMs(timeoutMs = DEFAULT_TIMEOUT_MS): number {
  return Math.max(250, timeoutMs - Math.min(10_000, timeoutMs / 4));
}

const KIND = { doc: 'Word', xls: 'Excel' } as const;
const TARGET = { doc: 'docx', xls: 'xlsx' } as const;

/** The legacy extensions a file of each binary kind is written with (.wps is a Word binary, .et an Excel one). */
const EXTENSIONS = { doc: ['doc', 'wps'], xls: ['xls', 'et'] } as const;

/** What a legacy file's messages say of it: its kind, its own extension (a .wps is named .wps) and its conversion. */
function describe(format: 'doc' | 'xls', written: string | undefined) {
  const own = (EXTENSIONS[format] as readonly string[]).includes(written ?? '') ? written! : format;
  return { kind: KIND[format], format: own, target: TARGET[format] };
}

async function readBuiltIn(buf: Uint8Array, format: 'doc' | 'xls', written?: string): Promise<ReaderOutput> {
  const data = describe(format, written);
  try {
    if (format === 'xls') return (await import('./legacy-xls.js')).readXlsBinary(buf);
    const blocks = await (await import('./legacy-doc.js')).readDocBinary(buf);
    // Without LibreOffice merged cells and styles are lost: say so when there are tables to lose them from.
    const findings: ReaderFinding[] = blocks.some((b) => b.type === 'table')
      ? [{ rule: 'legacy-format', messageId: 'read-without-soffice', data }]
      : [];
    return { blocks, findings };
  } catch (err) {
    if (err instanceof ReadFailure) throw err;
    throw new ReadFailure('read-error', 'legacy-corrupt', { ...data, cause: causeText(err) });
  }
}

/** `written`: the file's own extension (wps, et …), for the messages. */
export async function readLegacy(buf: Uint8Array, format: 'doc' | 'xls', options: ReadOptions = {}, written?: string): Promise<ReaderOutput> {
  // The built-in reader goes first: it is quick, and a file it cannot parse is damaged, which is said at once instead
  // of after LibreOffice has spent seconds starting up on it.
  const builtIn = await readBuiltIn(buf, format, written);
  const soffice = findSoffice();
  if (!soffice) return builtIn;
  const data = describe(format, written);
  let converted: Uint8Array;
  try {
    converted = await convertWithSoffice(soffice, buf, format, TARGET[format], conversionLimitMs(options.timeoutMs));
  } catch (err) {
    if (err instanceof ConversionTimeout) throw new ReadFailure('timeout', 'conversion', { seconds: err.seconds });
    // LibreOffice refused the file: the built-in reader's numbers are still checked, and the finding says why.
    return { ...builtIn, findings: [{ rule: 'legacy-format', messageId: 'conversion-failed', data: { ...data, cause: causeText(err) } }, ...builtIn.findings] };
  }
  const out = format === 'doc'
    ? await (await import('./docx.js')).readDocx(converted)
    : await (await import('./xlsx.js')).readXlsx(converted);
  return { ...out, findings: [{ rule: 'legacy-format', messageId: 'converted-soffice', data }, ...out.findings] };
}
