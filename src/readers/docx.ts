// docx reader: paragraphs and tables (read directly when the document is plain, else mammoth's HTML), plus the tables of
// embedded Excel workbooks where they stand.
import type mammothModule from 'mammoth';
import type { Block } from '../document.js';
import { causeText } from '../findings.js';
import { ReadFailure, failureRef, ref, type ReaderFinding, type ReaderMessageId, type ReaderOutput } from './contract.js';
import { detectFormat } from './detect.js';
import {
  MEMBER_CAP, markObjects, openDocx, relationshipsOf,
  type DocxPackage, type EmbeddedObject,
} from './docx-package.js';
import { htmlToItems } from './docx-html.js';
import { plainDocumentHtml } from './docx-plain.js';
import { writeNumberingLabels } from './docx-numbering.js';
import { trimStyles } from './docx-styles.js';
import { inflateEntry } from './zip.js';

type Message = { type: string; message: string };
type Mammoth = typeof mammothModule;
type ConvertOptions = NonNullable<Parameters<Mammoth['convertToHtml']>[1]>;

/** Failures that mark a package as built to attack its reader, not merely damaged. */
const HOSTILE = new Set(['zip-bomb', 'xml-dtd', 'xml-too-deep']);

/** The zip interface mammoth reads a package through (what its `openZip` returns; `{ file }` input passes one in). */
interface MammothFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

/**
 * Serves mammoth the parts already inflated (decoded once), with the rewritten document in place, so the package is
 * neither zipped again nor unzipped a second time. A styles part is cut down to what mammoth reads from it.
 */
function packageFile(pkg: DocxPackage, replaced: Record<string, string>): MammothFile {
  return {
    exists: (name) => pkg.parts[name] !== undefined,
    read: async (name, encoding) => {
      const data = pkg.parts[name];
      if (data === undefined) throw new Error(`${name} is not in the package`);
      if (!encoding) return data;
      if (encoding === 'base64') return Buffer.from(data).toString('base64');
      const text = replaced[name] ?? (/^utf-?8$/i.test(encoding) ? pkg.text(name)! : new TextDecoder(encoding).decode(data));
      return trimStyles(text) ?? text;
    },
  };
}

// Mammoth messages that lose nothing we read: styles it cannot map, images (we do not read images), break kinds.
const HARMLESS = [
  /^Unrecognised (paragraph|run|table|numbering) style/i,
  /style with ID .* was referenced but not defined/i,
  /^Image of type /i,
  /v:imagedata element without a relationship ID/i,
  /^Unsupported break type/i,
  // OLE objects are read from the package by this reader, wherever mammoth met them.
  /unrecognised element was ignored: \{urn:schemas-microsoft-com:office:office\}OLEObject/i,
];

/** One warning per distinct mammoth message that means content was skipped (mammoth already deduplicates them). */
function mammothFindings(messages: Message[]): ReaderFinding[] {
  const distinct = new Set(messages.map((m) => m.message).filter((m) => !HARMLESS.some((re) => re.test(m))));
  return [...distinct].map((detail) => ({
    rule: 'read-warning', messageId: 'content-skipped', location: {}, evidence: detail, data: { detail },
  }));
}

function objectFinding(messageId: ReaderMessageId<'embedded-object'>, obj: EmbeddedObject, block: number, data: Record<string, unknown>): ReaderFinding {
  const location: ReaderFinding['location'] = { block };
  if (obj.target && !obj.external) location.origin = obj.target;
  return {
    rule: 'embedded-object',
    messageId,
    location,
    evidence: obj.target ?? obj.relId,
    data: { name: obj.target ?? ref('relation-name', { relId: obj.relId }), progId: obj.progId ?? ref('no-prog-id'), member: obj.target, ...data },
  };
}

/** Reads one embedded object: an xlsx member becomes table blocks; anything else becomes a warning, never silence. */
async function readObject(pkg: DocxPackage, buf: Uint8Array, obj: EmbeddedObject, block: number): Promise<ReaderOutput> {
  const warn = (id: ReaderMessageId<'embedded-object'>, data: Record<string, unknown> = {}): ReaderOutput => ({ blocks: [], findings: [objectFinding(id, obj, block, data)] });
  if (obj.external) return warn('embedded-linked');
  const member = obj.target ? pkg.members.get(obj.target) : undefined;
  if (!obj.target || !member) return warn('embedded-missing');
  if (member.declaredSize > MEMBER_CAP || member.declaredSize > pkg.budget.left) {
    return warn('embedded-too-large', { size: `${Math.round(member.declaredSize / 1024 / 1024)} MB` });
  }
  // A member that inflates past what it declares is a bomb in the whole package: inflateEntry's failure ends the read.
  const data = inflateEntry(buf, member, pkg.budget);
  const detected = detectFormat(data);
  if (detected.format === 'xlsx') return readEmbeddedWorkbook(data, obj, block, pkg);
  if (detected.format === 'xls' || detected.format === 'doc' || (detected.format === 'unknown' && detected.reason === 'ole2')) {
    return warn('embedded-legacy-ole');
  }
  return warn('embedded-unsupported', { kind: detected.format === 'unknown' ? ref('unknown-kind') : detected.format });
}

async function readEmbeddedWorkbook(data: Uint8Array, obj: EmbeddedObject, block: number, pkg: DocxPackage): Promise<ReaderOutput> {
  const origin = obj.target as string;
  // exceljs takes ~0.5 s to load: only documents that embed a workbook pay for it
  const { readXlsx } = await import('./xlsx.js');
  let out: ReaderOutput;
  try {
    // The workbook inflates under the document's budget: ten embedded bombs are no better than one.
    out = await readXlsx(data, pkg.budget);
  } catch (err) {
    // A hostile workbook makes the whole document hostile; only an ordinary failure stays a warning here.
    if (err instanceof ReadFailure && HOSTILE.has(err.messageId)) throw err;
    const cause = err instanceof ReadFailure ? failureRef(err) : causeText(err);
    return { blocks: [], findings: [objectFinding('embedded-unreadable', obj, block, { cause })] };
  }
  const blocks: Block[] = out.blocks.map((b) => ({ ...b, origin }));
  // A workbook that fails inside the document must not fail the document: its errors become warnings here.
  const findings = out.findings.map((f): ReaderFinding => {
    const located = { ...f, location: { ...f.location, origin } };
    if (f.rule === 'read-error' || f.rule === 'legacy-format') return { ...objectFinding('embedded-unreadable', obj, block, { cause: ref(f.messageId, f.data, f.rule) }), location: located.location };
    return located;
  });
  return { blocks, findings };
}

/** mammoth, loaded the first time a document is not plain enough to read directly (plainDocumentHtml). */
let mammothLoaded: Promise<Mammoth> | undefined;
const loadMammoth = (): Promise<Mammoth> => (mammothLoaded ??= import('mammoth').then((m) => m.default));

/** The package opened, and its main part as mammoth is given it: numbering labels and object markers written in. */
function prepare(buf: Uint8Array): { pkg: DocxPackage; xml: string; objects: EmbeddedObject[] } {
  const pkg = openDocx(buf);
  const rels = relationshipsOf(pkg, pkg.documentPath);
  const part = (type: string): string | undefined => {
    const target = rels.find((r) => r.type.endsWith(`/${type}`) && !r.external)?.target;
    return target ? pkg.text(target) : undefined;
  };
  const numbered = writeNumberingLabels(pkg.text(pkg.documentPath)!, part('numbering'), part('styles'));
  return { pkg, ...markObjects(numbered, rels) };
}

const plainHtml = (pkg: DocxPackage, xml: string): string | undefined =>
  plainDocumentHtml({ has: (name) => pkg.parts[name] !== undefined, text: pkg.text }, pkg.documentPath, xml, (t) => trimStyles(t) ?? t);

/** Whether a docx is plain enough to be read without mammoth (tests; a package that does not open is not). */
export function readsPlain(buf: Uint8Array): boolean {
  try {
    const { pkg, xml } = prepare(buf);
    return plainHtml(pkg, xml) !== undefined;
  } catch {
    return false;
  }
}

/** The document's HTML and mammoth's messages: read directly when it is plain, else by mammoth. */
async function documentHtml(pkg: DocxPackage, xml: string, useMammoth: boolean): Promise<{ value: string; messages: Message[] }> {
  const plain = useMammoth ? undefined : plainHtml(pkg, xml);
  if (plain !== undefined) return { value: plain, messages: [] };
  try {
    const mammoth = await loadMammoth();
    const file = packageFile(pkg, { [pkg.documentPath]: xml });
    return await mammoth.convertToHtml({ file } as unknown as Parameters<Mammoth['convertToHtml']>[0], {
      // Images carry no text we can check; skipping them also keeps media compressed and unread.
      convertImage: (() => []) as unknown as ConvertOptions['convertImage'],
      externalFileAccess: false,
    });
  } catch (err) {
    throw new ReadFailure('read-error', 'docx-unparsable', { cause: causeText(err) });
  }
}

/** `useMammoth` reads every document through mammoth (the tests compare both ways). */
export async function readDocx(buf: Uint8Array, { useMammoth = false }: { useMammoth?: boolean } = {}): Promise<ReaderOutput> {
  const { pkg, xml, objects } = prepare(buf);
  const result = await documentHtml(pkg, xml, useMammoth);

  const blocks: Block[] = [];
  const findings = mammothFindings(result.messages);
  const done = new Set<number>();
  const place = async (obj: EmbeddedObject): Promise<void> => {
    if (done.has(obj.index)) return;
    done.add(obj.index);
    const out = await readObject(pkg, buf, obj, blocks.length);
    blocks.push(...out.blocks);
    findings.push(...out.findings);
  };
  for (const item of htmlToItems(result.value)) {
    if (item.type === 'object') { if (objects[item.index]) await place(objects[item.index]); }
    else blocks.push(item);
  }
  // Objects whose position could not be marked (or whose marker mammoth dropped) still get read, at the end.
  for (const obj of objects) await place(obj);
  return { blocks, findings };
}
