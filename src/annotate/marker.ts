// The mark a review copy carries in its document properties: the source file it is jixiao's copy of. A copy is replaced
// only when it bears the mark of the same source, and a folder walk skips marked copies as it skips jixiao's workbooks.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { listZip, inflateEntries, InflateBudget } from '../readers/zip.js';

/** The custom document property (docx, xlsx) holding the source's absolute path. */
export const MARK_PROPERTY = 'jixiao-review-of';
/** The key of the PDF document information dictionary holding it. */
export const PDF_MARK_KEY = 'JixiaoReviewOf';

/** What marks a review copy's name: `<name>.审阅.<ext>` (reviewName in place.ts spells it from this). */
export const REVIEW_INFIX = '.审阅';

/** The names jixiao gives its copies: `<name>.审阅.<ext>`, numbered `.审阅2.` when the first is taken, maybe shortened. */
const REVIEW_NAME = new RegExp(`${REVIEW_INFIX.replace('.', '\\.')}\\d*\\.(docx|xlsx|pdf)$`, 'i');
export const looksLikeReviewCopy = (path: string): boolean => REVIEW_NAME.test(basename(path));

const CUSTOM_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CUSTOM_CONTENT = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_PART = 'docProps/custom.xml';
/** The format id Office gives user-defined properties. */
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const propertyPattern = () => new RegExp(`<property\\b[^>]*\\bname="${MARK_PROPERTY}"[^>]*>[\\s\\S]*?</property>`, 'g');

/** An OOXML package (docx, xlsx) with the mark set in docProps/custom.xml; the document's own properties are kept. */
export function markPackage(bytes: Uint8Array, source: string): Uint8Array {
  const files: Zippable = unzipSync(bytes);
  const rels = files['_rels/.rels'] ? strFromU8(files['_rels/.rels'] as Uint8Array) : undefined;
  const types = files['[Content_Types].xml'] ? strFromU8(files['[Content_Types].xml'] as Uint8Array) : undefined;
  if (!rels || !types) return bytes;
  const property = (pid: number) => `<property fmtid="${FMTID}" pid="${pid}" name="${MARK_PROPERTY}"><vt:lpwstr>${escapeXml(source)}</vt:lpwstr></property>`;
  const existing = files[CUSTOM_PART] ? strFromU8(files[CUSTOM_PART] as Uint8Array) : undefined;
  if (existing && /<\/Properties>/.test(existing)) {
    const kept = existing.replace(propertyPattern(), '');
    const pid = Math.max(1, ...[...kept.matchAll(/\bpid="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    files[CUSTOM_PART] = strToU8(kept.replace(/<\/Properties>\s*$/, `${property(pid)}</Properties>`));
  } else {
    files[CUSTOM_PART] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
      + `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property(2)}</Properties>`);
  }
  if (!rels.includes(CUSTOM_TYPE)) {
    files['_rels/.rels'] = strToU8(rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="rIdJixiaoReview" Type="${CUSTOM_TYPE}" Target="${CUSTOM_PART}"/></Relationships>`));
  }
  if (!types.includes(`PartName="/${CUSTOM_PART}"`)) {
    files['[Content_Types].xml'] = strToU8(types.replace(/<\/Types>\s*$/, `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_CONTENT}"/></Types>`));
  }
  return zipSync(files, { level: 6 });
}

/** A copy is small next to the limits of the readers; anything far larger is not one of ours and is not opened twice. */
const MAX_BYTES = 256 * 1024 * 1024;

function packageMark(buf: Uint8Array): string | undefined {
  const parts = inflateEntries(buf, listZip(buf), (e) => e.name === CUSTOM_PART, new InflateBudget(16 * 1024 * 1024));
  const xml = parts[CUSTOM_PART] ? strFromU8(parts[CUSTOM_PART]) : undefined;
  const property = xml?.match(propertyPattern())?.[0];
  const value = property?.match(/<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
}

/** The PDF's mark: the copies are written without object streams, so the information dictionary is plain text. */
function pdfMark(buf: Uint8Array): string | undefined {
  const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  const at = text.lastIndexOf(`/${PDF_MARK_KEY}`);
  if (at < 0) return undefined;
  const hex = /^\s*<([0-9A-Fa-f\s]*)>/.exec(text.slice(at + PDF_MARK_KEY.length + 1, at + PDF_MARK_KEY.length + 1 + 70_000))?.[1];
  if (hex === undefined) return undefined;
  const bytes = Buffer.from(hex.replace(/\s/g, ''), 'hex');
  // PDFHexString.fromText writes UTF-16BE with its byte order mark
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return undefined;
  const swapped = Buffer.from(bytes.subarray(2));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/**
 * The source path a file is jixiao's review copy of, from its mark; undefined for any other file, or one that cannot be
 * opened (the reader then says what is wrong with it, as usual).
 */
export async function reviewSourceOf(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, 'r');
    let buf: Buffer;
    try {
      const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
      if (!isFile || size > MAX_BYTES) return undefined;
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
    if (buf[0] === 0x50 && buf[1] === 0x4b) return packageMark(buf);
    if (buf.subarray(0, 1024).toString('latin1').includes('%PDF-')) return pdfMark(buf);
    return undefined;
  } catch {
    return undefined;
  }
}
