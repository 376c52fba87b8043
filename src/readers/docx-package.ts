// Opens a docx package without trusting it: bounded inflation, XML guarded, relationships, and embedded objects marked in the body.
import { strFromU8 } from 'fflate';
import { ReadFailure, ref, type MessageRef } from './contract.js';
import { guardXml, isXmlPart } from './xml-guard.js';
import { InflateBudget, inflateEntries, listZip, zipBomb, type ZipEntry } from './zip.js';

/**
 * Caps on the XML parts mammoth holds in memory as a DOM, stricter than the package-wide limits; inflation stops at
 * each member's declared size, so a member whose headers understate it is caught too.
 */
export const MEMBER_CAP = 100 * 1024 * 1024;
export const TOTAL_CAP = 200 * 1024 * 1024;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** An OLE object found in the body; `index` is what its marker carries. */
export interface EmbeddedObject {
  index: number;
  relId: string;
  progId?: string;
  /** zip member path, or the raw target when the object is linked */
  target?: string;
  external: boolean;
  /** false when the object sat where no marker could be put; its tables go to the end */
  marked: boolean;
}

export interface DocxPackage {
  members: Map<string, ZipEntry>;
  /** inflated XML parts (everything mammoth reads) */
  parts: Record<string, Uint8Array>;
  /** An XML part as text (UTF-8), decoded once however often it is read. */
  text(name: string): string | undefined;
  documentPath: string;
  /** what this file may still inflate (embedded workbooks draw on it too) */
  budget: InflateBudget;
}

// Private-use delimiters: they cannot come from a real document's text in any meaningful way.
const MARK_OPEN = '\uE000jixiao-object-';
const MARK_CLOSE = '\uE001';
export const MARKER_PATTERN = /\uE000jixiao-object-(\d+)\uE001/g;

/**
 * XML parts that Word, WPS and LibreOffice write and that neither mammoth nor this reader ever opens: the themes,
 * font table, settings, the duplicate styles Word 2010 adds (stylesWithEffects: as large as styles.xml), document
 * properties and custom XML. Left compressed and unchecked: no parser sees them.
 */
const NEVER_PARSED = /^(?:word\/(?:stylesWithEffects\.xml|theme\/|fontTable\.xml|webSettings\.xml|settings\.xml)|docProps\/|customXml\/)/;

const megabytes = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

function corrupt(detail: MessageRef): ReadFailure {
  return new ReadFailure('read-error', 'docx-corrupt', { detail });
}

export function openDocx(buf: Uint8Array): DocxPackage {
  const members = new Map(listZip(buf).map((m) => [m.name, m]));
  // Mammoth reads only XML parts; images and embeddings stay compressed until needed, and so do the XML parts no
  // reader here opens (a review copy takes those from the zip as they are).
  const wanted = [...members.values()].filter((m) => isXmlPart(m.name) && !NEVER_PARSED.test(m.name));
  let total = 0;
  for (const m of wanted) {
    if (m.declaredSize > MEMBER_CAP) {
      throw zipBomb(ref('docx-member-size', { member: m.name, size: megabytes(m.declaredSize), max: megabytes(MEMBER_CAP) }));
    }
    total += m.declaredSize;
  }
  if (total > TOTAL_CAP) {
    throw zipBomb(ref('docx-total', { size: megabytes(total), max: megabytes(TOTAL_CAP) }));
  }
  const budget = new InflateBudget();
  const parts = inflateEntries(buf, wanted, () => true, budget);
  // Every part goes to a parser (mammoth's, or the patterns here), so every part is checked before any is parsed.
  for (const [name, data] of Object.entries(parts)) guardXml(name, data);
  // the styles part (~350 KB in Word's template) is read by the numbering and by mammoth: decoded once
  const decoded = new Map<string, string>();
  const text = (name: string): string | undefined => {
    let s = decoded.get(name);
    if (s === undefined && parts[name] !== undefined) decoded.set(name, s = strFromU8(parts[name]));
    return s;
  };
  const rootRels = parts['_rels/.rels'] ? parseRelationships(text('_rels/.rels')!, '') : [];
  const main = rootRels.find((r) => r.type.endsWith('/officeDocument') && !r.external);
  const documentPath = main && parts[main.target] ? main.target : 'word/document.xml';
  if (!parts[documentPath]) throw corrupt(ref('docx-no-document'));
  return { members, parts, text, documentPath, budget };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXmlEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolveTarget(baseFolder: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : (baseFolder ? `${baseFolder}/${target}` : target);
  const segments: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') segments.pop();
    else if (seg !== '.' && seg !== '') segments.push(seg);
  }
  return segments.join('/');
}

export function parseRelationships(xml: string, baseFolder: string): Relationship[] {
  const rels: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.Id || a.Target === undefined) continue;
    const external = (a.TargetMode ?? '').toLowerCase() === 'external';
    rels.push({ id: a.Id, type: a.Type ?? '', external, target: external ? a.Target : resolveTarget(baseFolder, a.Target) });
  }
  return rels;
}

export function relationshipsOf(pkg: DocxPackage, partPath: string): Relationship[] {
  const slash = partPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : partPath.slice(0, slash);
  const relsPath = `${folder ? `${folder}/` : ''}_rels/${partPath.slice(slash + 1)}.rels`;
  const xml = pkg.text(relsPath);
  return xml !== undefined ? parseRelationships(xml, folder) : [];
}

/**
 * True when every non-empty `<tag>` is closed later and no close comes first. The lazy element patterns used on
 * package XML rescan to the end for an unclosed element, so they run only on balanced input (linear check).
 */
export function balanced(xml: string, tag: string): boolean {
  let depth = 0;
  for (const m of xml.matchAll(new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*?(/?)>`, 'g'))) {
    if (m[2] === '/') continue;
    depth += m[1] === '/' ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const OLE_REFERENCE = /<(o:OLEObject|w:objectEmbed|w:objectLink)\b[^>]*>/g;

/**
 * Replaces each `<w:object>` that embeds or links an OLE object with a text marker, so the object's position
 * survives conversion exactly where Word shows it (paragraph, list item or table cell). OLE references found
 * outside `<w:object>` cannot be marked and are reported with `marked: false`.
 */
export function markObjects(documentXml: string, rels: Relationship[]): { xml: string; objects: EmbeddedObject[] } {
  const byRelId = new Map<string, EmbeddedObject>();
  const objects: EmbeddedObject[] = [];
  const objectFor = (reference: string, marked: boolean): EmbeddedObject | undefined => {
    const a = attributes(reference);
    const relId = a['r:id'];
    if (!relId) return undefined;
    let obj = byRelId.get(relId);
    if (!obj) {
      const rel = rels.find((r) => r.id === relId);
      obj = { index: objects.length, relId, progId: a.ProgID ?? a['w:progId'], target: rel?.target, external: rel?.external ?? false, marked };
      byRelId.set(relId, obj);
      objects.push(obj);
    }
    if (marked) obj.marked = true;
    return obj;
  };
  const xml = !balanced(documentXml, 'w:object') ? documentXml : documentXml.replace(/<w:object\b[^>]*\/>|<w:object\b[\s\S]*?<\/w:object>/g, (element) => {
    const reference = element.match(OLE_REFERENCE)?.[0];
    const obj = reference ? objectFor(reference, true) : undefined;
    return obj ? `<w:t xml:space="preserve">${MARK_OPEN}${obj.index}${MARK_CLOSE}</w:t>` : element;
  });
  for (const m of xml.matchAll(OLE_REFERENCE)) objectFor(m[0], false);
  return { xml, objects };
}
