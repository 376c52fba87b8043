// The body of a plain Word document read straight from its XML into the HTML that mammoth would give for what
// htmlToItems reads; anything this reader does not know is left to mammoth.

/**
 * Why: mammoth builds a DOM of every part (xmldom), a document model, an HTML tree it then simplifies and writes, and
 * htmlToItems parses that HTML again; for a report of a few pages that was ~3/4 of reading a docx. The reports are
 * paragraphs, runs of text and ruled tables, so this reads exactly those, as mammoth 1.13 reads them (its
 * body-reader, default style map and table merging), and returns undefined — mammoth reads the file — for anything
 * else: an element it does not know, footnotes, fields, text boxes, content controls, tracked deletions, XML that is
 * not plainly well formed (mammoth's parser rejects what it finds odd; this one must never accept more), or a package
 * whose parts mammoth would pick differently. test/docx-plain.test.ts compares both readers on every docx fixture
 * and on documents built to hold every construct read here.
 */

const WML = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const RELATIONSHIPS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Thrown where mammoth must read the document instead. */
const MAMMOTH = Symbol('left to mammoth');

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Array<Element | string>;
}

const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTR = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');
const TEXT = /[^<]+/y;
const PROLOG = /^\uFEFF?(?:<\?xml\s[^<>?]*\?>)?\s*/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const validChar = (c: number): boolean => c === 0x9 || c === 0xa || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** Text or an attribute value with its references resolved; a bare `&` or an unknown entity is left to mammoth. */
function decode(raw: string): string {
  if (!raw.includes('&')) return raw;
  if (/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(raw)) throw MAMMOTH;
  return raw.replace(REFERENCE, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return PREDEFINED[name];
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
    if (!validChar(code)) throw MAMMOTH;
    return String.fromCodePoint(code);
  });
}

/**
 * A strict reading of an XML part: one root, elements, attributes in quotes, text with the predefined and numeric
 * references only, namespaces declared on the root alone. Comments, CDATA, processing instructions, markup-compatibility
 * blocks and carriage returns, which Word does not write in these parts, are left to mammoth rather than read with its
 * parser's exact rules. `namespace` is the default namespace the part's root must declare (package parts), if any.
 */
function parse(xml: string, namespace?: string): Element {
  if (xml.includes('\r') || xml.includes(']]>')) throw MAMMOTH;
  let at = PROLOG.exec(xml)![0].length;
  const stack: Element[] = [];
  let root: Element | undefined;
  const prefixes = new Set<string>();
  while (at < xml.length) {
    if (xml.charCodeAt(at) === 0x3c /* < */) {
      TAG.lastIndex = at;
      const m = TAG.exec(xml);
      if (!m) throw MAMMOTH;
      at = TAG.lastIndex;
      const [, close, name, rawAttrs, selfClose] = m;
      const colon = name.indexOf(':');
      if (colon >= 0) prefixes.add(name.slice(0, colon));
      if (close) {
        if (rawAttrs || selfClose || stack.pop()?.name !== name) throw MAMMOTH;
        continue;
      }
      // mammoth replaces a markup-compatibility block with its fallback wherever it stands
      if (name.endsWith('AlternateContent') || (root && !stack.length)) throw MAMMOTH;
      const attrs: Record<string, string> = Object.create(null);
      for (const a of rawAttrs.matchAll(ATTR)) {
        const attrName = a[1];
        const value = a[2] ?? a[3];
        if (attrName in attrs || /[\t\n]/.test(value)) throw MAMMOTH;
        const declares = attrName === 'xmlns' || attrName.startsWith('xmlns:');
        if (declares && root) throw MAMMOTH;
        if (!declares && attrName.includes(':')) prefixes.add(attrName.slice(0, attrName.indexOf(':')));
        attrs[attrName] = decode(value);
      }
      const element: Element = { name, attrs, children: [] };
      if (stack.length) stack[stack.length - 1].children.push(element);
      else root = element;
      if (!selfClose) stack.push(element);
    } else {
      TEXT.lastIndex = at;
      const text = TEXT.exec(xml)![0];
      at = TEXT.lastIndex;
      if (!stack.length) { if (text.trim()) throw MAMMOTH; continue; }
      stack[stack.length - 1].children.push(decode(text));
    }
  }
  if (!root || stack.length) throw MAMMOTH;
  // names as mammoth sees them (prefixes mapped by namespace): only the plain bindings read the same here
  if (root.attrs.xmlns !== namespace) throw MAMMOTH;
  const bound = new Map(Object.keys(root.attrs).filter((k) => k.startsWith('xmlns:')).map((k) => [k.slice(6), root!.attrs[k]]));
  for (const prefix of prefixes) if (prefix !== 'xml' && !bound.has(prefix)) throw MAMMOTH;
  for (const [prefix, uri] of bound) {
    if ((prefix === 'w') !== WML.has(uri) || (prefix === 'r') !== RELATIONSHIPS.has(uri)) throw MAMMOTH;
  }
  return root;
}

const elements = (e: Element): Element[] => e.children.filter((c): c is Element => typeof c !== 'string');
const first = (e: Element | undefined, name: string): Element | undefined => e && elements(e).find((c) => c.name === name);

/** Elements mammoth reads as nothing (its body reader's ignore list). */
const IGNORED = new Set([
  'w:annotationRef', 'w:bookmarkEnd', 'w:sectPr', 'w:proofErr', 'w:lastRenderedPageBreak', 'w:commentRangeStart', 'w:commentRangeEnd',
  'w:del', 'w:footnoteRef', 'w:endnoteRef', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr',
]);
/** Elements whose children mammoth reads in their place. */
const TRANSPARENT = new Set(['w:ins', 'w:smartTag', 'w:customXml', 'w:moveTo', 'w:moveFromRangeStart', 'w:moveFromRangeEnd', 'w:moveToRangeStart', 'w:moveToRangeEnd']);

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The heading level mammoth's default style map gives a paragraph style (its rules in their order), if any. */
export function headingLevel(styleId: string | undefined, styleName: string | undefined): number | undefined {
  for (let n = 1; n <= 6; n++) if (styleId === `Heading${n}`) return n;
  const name = styleName ? styleName.toUpperCase() : undefined;
  if (name) for (let n = 1; n <= 6; n++) if (name === `HEADING ${n}`) return n;
  if (styleId === 'Heading' || name === 'HEADING') return 1;
  return undefined;
}

interface Context {
  /** paragraph style id → name, as mammoth's styles reader keeps them (the first definition of an id) */
  styleNames: Map<string, string | undefined>;
  /** the document's relationships, id → target as written (the last of an id, as mammoth keeps them) */
  targets: Map<string, string>;
  out: string[];
}

function runContent(run: Element, ctx: Context): void {
  for (const c of run.children) {
    if (typeof c === 'string') continue;
    switch (c.name) {
      case 'w:t': {
        // mammoth takes an element's text only when it is a single text node
        if (c.children.length > 1 || c.children.some((x) => typeof x !== 'string')) throw MAMMOTH;
        const text = (c.children[0] as string | undefined) ?? '';
        if (text) ctx.out.push(escapeText(text));
        break;
      }
      case 'w:tab': ctx.out.push('\t'); break;
      case 'w:noBreakHyphen': ctx.out.push('\u2011'); break;
      case 'w:softHyphen': ctx.out.push('\u00AD'); break;
      case 'w:br': {
        const type = c.attrs['w:type'];
        if (type === undefined || type === 'textWrapping') ctx.out.push('<br />');
        else if (type !== 'page' && type !== 'column') throw MAMMOTH;
        break;
      }
      default:
        if (!IGNORED.has(c.name)) throw MAMMOTH;
    }
  }
}

/** What a paragraph (or a hyperlink, an insertion…) holds: runs, links, and elements mammoth reads through or skips. */
function paragraphContent(parent: Element, ctx: Context): void {
  for (const c of parent.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:r') runContent(c, ctx);
    else if (c.name === 'w:hyperlink') hyperlink(c, ctx);
    else if (TRANSPARENT.has(c.name)) paragraphContent(c, ctx);
    else if (c.name === 'w:bookmarkStart') continue; // an anchor without text
    else if (!IGNORED.has(c.name)) throw MAMMOTH;
  }
}

function hyperlink(link: Element, ctx: Context): void {
  const relId = link.attrs['r:id'];
  const anchor = link.attrs['w:anchor'];
  let href: string | undefined;
  if (relId) {
    const target = ctx.targets.get(relId);
    if (target === undefined) throw MAMMOTH;
    href = anchor ? `${target.includes('#') ? target.slice(0, target.indexOf('#')) : target}#${anchor}` : target;
  } else if (anchor) {
    href = `#${anchor}`;
  }
  if (href === undefined) { paragraphContent(link, ctx); return; }
  ctx.out.push(`<a href="${escapeAttribute(href)}">`);
  paragraphContent(link, ctx);
  ctx.out.push('</a>');
}

function paragraph(p: Element, ctx: Context): void {
  const properties = first(p, 'w:pPr');
  // a deleted paragraph mark joins the paragraph to the next: left to mammoth
  if (first(first(properties, 'w:rPr'), 'w:del')) throw MAMMOTH;
  const style = first(properties, 'w:pStyle');
  const styleId = style?.attrs['w:val'];
  const level = headingLevel(styleId, styleId ? ctx.styleNames.get(styleId) : undefined);
  const tag = level === undefined ? 'p' : `h${level}`;
  ctx.out.push(`<${tag}>`);
  paragraphContent(p, ctx);
  ctx.out.push(`</${tag}>`);
}

interface Cell { element: Element; colSpan: number; rowSpan: number; vMerge: boolean | null }

function table(tbl: Element, ctx: Context): void {
  const rows: Cell[][] = [];
  for (const r of tbl.children) {
    if (typeof r === 'string') continue;
    if (r.name !== 'w:tr') { if (IGNORED.has(r.name)) continue; throw MAMMOTH; }
    // a deleted row is not read at all
    if (first(first(r, 'w:trPr'), 'w:del')) continue;
    const cells: Cell[] = [];
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      if (c.name !== 'w:tc') { if (IGNORED.has(c.name)) continue; throw MAMMOTH; }
      const properties = first(c, 'w:tcPr');
      const gridSpan = first(properties, 'w:gridSpan')?.attrs['w:val'];
      if (gridSpan && !/^[1-9][0-9]{0,3}$/.test(gridSpan)) throw MAMMOTH;
      const merge = first(properties, 'w:vMerge');
      const val = merge?.attrs['w:val'];
      cells.push({ element: c, colSpan: gridSpan ? Number(gridSpan) : 1, rowSpan: 1, vMerge: merge ? val === 'continue' || !val : null });
    }
    rows.push(cells);
  }
  // mammoth's calculateRowSpans: a continued cell lengthens the cell above it at the same grid column
  const columns = new Map<number, Cell>();
  for (const row of rows) {
    let index = 0;
    for (const cell of row) {
      const above = columns.get(index);
      if (cell.vMerge && above) above.rowSpan++;
      else { columns.set(index, cell); cell.vMerge = false; }
      index += cell.colSpan;
    }
  }
  ctx.out.push('<table>');
  for (const row of rows) {
    ctx.out.push('<tr>');
    for (const cell of row) {
      if (cell.vMerge) continue;
      ctx.out.push(`<td${cell.colSpan !== 1 ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan !== 1 ? ` rowspan="${cell.rowSpan}"` : ''}>`);
      for (const c of cell.element.children) {
        if (typeof c === 'string') continue;
        if (c.name === 'w:p') paragraph(c, ctx);
        else if (c.name === 'w:tbl') table(c, ctx);
        else if (c.name === 'w:bookmarkStart') continue;
        else if (!IGNORED.has(c.name)) throw MAMMOTH;
      }
      ctx.out.push('</td>');
    }
    ctx.out.push('</tr>');
  }
  ctx.out.push('</table>');
}

/** Relationships as mammoth's reader keeps them: id → target as written, and the targets of a type in order. */
function relationships(xml: string | undefined): { byId: Map<string, string>; ofType: (type: string) => string[] } {
  const byId = new Map<string, string>();
  const all: Array<{ type?: string; target?: string }> = [];
  if (xml !== undefined) {
    for (const c of elements(parse(xml, PACKAGE_RELATIONSHIPS))) {
      if (c.name !== 'Relationship') continue;
      const { Id: id, Target: target, Type: type } = c.attrs;
      if (id !== undefined && target !== undefined) byId.set(id, target);
      all.push({ type, target });
    }
  }
  return { byId, ofType: (type) => all.filter((r) => r.type === type && r.target !== undefined).map((r) => r.target!) };
}

/** mammoth's joinPath: an absolute part restarts the path; nothing is normalised. */
function joinPath(...paths: string[]): string {
  let relevant: string[] = [];
  for (const p of paths.filter(Boolean)) relevant = p.startsWith('/') ? [p] : [...relevant, p];
  return relevant.join('/');
}

/** The part mammoth reads for a relationship type: the first existing target, else the fallback path. */
function partPath(has: (name: string) => boolean, targets: string[], base: string, fallback: string): string {
  const found = targets.map((t) => joinPath(base, t).replace(/^\//, '')).find(has);
  return found ?? fallback;
}

export interface PlainPackage {
  has(name: string): boolean;
  text(name: string): string | undefined;
}

/**
 * The HTML of the document's body for htmlToItems, read as mammoth reads it, or undefined when mammoth must read it.
 * `documentXml` is the main part as mammoth would be given it (numbering labels and object markers written in);
 * `stylesText` turns a styles part into what mammoth would be given (trimStyles).
 */
export function plainDocumentHtml(pkg: PlainPackage, documentPath: string, documentXml: string, stylesText: (xml: string) => string): string | undefined {
  try {
    // the parts mammoth would read, found as mammoth finds them; with notes or comments it reads more than the body
    const root = relationships(pkg.text('_rels/.rels'));
    const main = partPath(pkg.has, root.ofType(`${REL_TYPE}officeDocument`), '', 'word/document.xml');
    if (main !== documentPath) return undefined;
    const slash = main.lastIndexOf('/');
    const base = slash < 0 ? '' : main.slice(0, slash);
    const relsPath = `${base ? `${base}/` : ''}_rels/${main.slice(slash + 1)}.rels`;
    const rels = relationships(pkg.text(relsPath));
    const related = (name: string) => partPath(pkg.has, rels.ofType(`${REL_TYPE}${name}`), base, `word/${name}.xml`);
    if (['comments', 'endnotes', 'footnotes'].some((name) => pkg.has(related(name)))) return undefined;
    // every part mammoth parses must be one its parser takes
    const contentTypes = pkg.text('[Content_Types].xml');
    if (contentTypes !== undefined) parse(contentTypes, CONTENT_TYPES);
    const numbering = pkg.text(related('numbering'));
    if (numbering !== undefined) parse(numbering);
    const styleNames = new Map<string, string | undefined>();
    const styles = pkg.text(related('styles'));
    if (styles !== undefined) {
      for (const s of elements(parse(stylesText(styles)))) {
        if (s.name !== 'w:style' || s.attrs['w:type'] !== 'paragraph') continue;
        const id = s.attrs['w:styleId'];
        if (id !== undefined && !styleNames.has(id)) styleNames.set(id, first(s, 'w:name')?.attrs['w:val']);
      }
    }
    const document = parse(documentXml);
    const body = first(document, 'w:body');
    if (document.name !== 'w:document' || !body) return undefined;
    const ctx: Context = { styleNames, targets: rels.byId, out: [] };
    for (const c of body.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:p') paragraph(c, ctx);
      else if (c.name === 'w:tbl') table(c, ctx);
      else if (c.name === 'w:bookmarkStart') continue;
      else if (!IGNORED.has(c.name)) return undefined;
    }
    return ctx.out.join('');
  } catch {
    // MAMMOTH, or anything unforeseen here: mammoth reads the document as it always has
    return undefined;
  }
}
