// docx review copy: a Word comment on each finding around the number it names (runs split where needed), highlighted.
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import type { Block } from '../document.js';
import { modelLocation, type Finding } from '../findings.js';
import type { Lang } from '../report/common.js';
import { openDocx, relationshipsOf, resolveTarget } from '../readers/docx-package.js';
import { inflateEntry } from '../readers/zip.js';
import { COLOURS, findNumber, foldText, hintOf, noteLines, unplacedLine } from './place.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** w:rPr children in schema order: Word refuses a document whose run properties are out of order. */
const RPR_ORDER = ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline', 'shadow',
  'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing', 'w', 'kern', 'position', 'sz',
  'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText', 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout',
  'specVanish', 'oMath'];

const elements = (node: Element | Document, tag: string): Element[] => Array.from(node.getElementsByTagName(tag)) as Element[];
const children = (node: Element): Element[] => Array.from(node.childNodes).filter((n): n is Element => n.nodeType === 1);

function nearest(node: Element, tag: string): Element | null {
  for (let p = node.parentNode as Element | null; p && p.nodeType === 1; p = p.parentNode as Element | null) if (p.nodeName === tag) return p;
  return null;
}

/** The w:t elements that belong to this paragraph itself (not to a text box nested in it). */
const textsOf = (p: Element): Element[] => elements(p, 'w:t').filter((t) => nearest(t, 'w:p') === p);
const runsOf = (p: Element): Element[] => elements(p, 'w:r').filter((r) => nearest(r, 'w:p') === p);
const textOf = (el: Element): string => elements(el, 'w:t').map((t) => t.textContent ?? '').join('');
const fold = (s: string): string => foldText(s).folded;

/** Where a comment goes: a stretch of one paragraph's text, a whole paragraph, a run (an embedded object), a cell. */
type Anchor =
  | { kind: 'text'; p: Element; start: number; end: number }
  | { kind: 'paragraph'; p: Element }
  | { kind: 'run'; run: Element }
  | { kind: 'cell'; tc: Element };

interface Body {
  doc: Document;
  paragraphs: Element[];
  tables: Element[];
  /** host run of each embedded object, by its package member */
  objects: Map<string, Element>;
}

/** Each paragraph block and table block of the reader matched to the XML element it came from, in order. */
function align(body: Body, blocks: Block[]): Map<number, Element> {
  const out = new Map<number, Element>();
  const paraTexts = body.paragraphs.map((p) => fold(textsOf(p).map((t) => t.textContent ?? '').join('')));
  const tableTexts = body.tables.map((t) => fold(textOf(t)));
  let pi = 0;
  let ti = 0;
  blocks.forEach((b, i) => {
    if (b.type === 'paragraph') {
      const want = fold(b.text);
      // The reader writes list numbering ("一、") into the text; the XML has it in the numbering part.
      for (let j = pi; j < paraTexts.length; j++) {
        const have = paraTexts[j];
        if (have && (have === want || (want.endsWith(have) && want.length - have.length <= 12))) { out.set(i, body.paragraphs[j]); pi = j + 1; return; }
      }
    } else if (!b.origin) {
      const want = fold(b.rows.flat().filter((c) => !c.covered).map((c) => c.text).join(''));
      const j = tableTexts.findIndex((t, k) => k >= ti && t === want);
      const k = j >= 0 ? j : ti < body.tables.length ? ti : -1;
      if (k >= 0) { out.set(i, body.tables[k]); ti = k + 1; }
    }
  });
  return out;
}

/** The w:tc at a grid position, merged cells resolved to the cell that holds the text. */
function cellAt(table: Element, row: number, col: number): Element | undefined {
  const rows = children(table).filter((e) => e.nodeName === 'w:tr');
  const grid: Element[][] = [];
  rows.forEach((tr, r) => {
    grid[r] = [];
    const before = elements(tr, 'w:gridBefore')[0]?.getAttribute('w:val');
    let c = before ? Number(before) || 0 : 0;
    for (const tc of children(tr).filter((e) => e.nodeName === 'w:tc')) {
      const pr = children(tc).find((e) => e.nodeName === 'w:tcPr');
      const span = Number(pr && children(pr).find((e) => e.nodeName === 'w:gridSpan')?.getAttribute('w:val')) || 1;
      const vMerge = pr && children(pr).find((e) => e.nodeName === 'w:vMerge');
      const continued = vMerge && (vMerge.getAttribute('w:val') ?? 'continue') !== 'restart';
      const owner = continued && grid[r - 1]?.[c] ? grid[r - 1][c] : tc;
      for (let k = 0; k < span; k++) grid[r][c + k] = owner;
      c += span;
    }
  });
  return grid[row]?.[col];
}

function anchorFor(f: Finding, body: Body, blocks: Block[], aligned: Map<number, Element>): Anchor | undefined {
  // the copy is marked by the document model's indices; the finding says rows and columns as displayed
  const loc = modelLocation(f.location);
  if (loc.origin) {
    const run = body.objects.get(loc.origin);
    return run ? { kind: 'run', run } : undefined;
  }
  if (loc.block === undefined) return undefined;
  const block = blocks[loc.block];
  const el = aligned.get(loc.block);
  if (!block || !el) return undefined;
  if (block.type === 'paragraph') {
    const text = textsOf(el).map((t) => t.textContent ?? '').join('');
    const at = findNumber(text, f.actual, hintOf(f));
    return at ? { kind: 'text', p: el, start: at[0], end: at[1] } : { kind: 'paragraph', p: el };
  }
  if (loc.row === undefined || loc.col === undefined) return { kind: 'paragraph', p: elements(el, 'w:p')[0] };
  const tc = cellAt(el, loc.row, loc.col);
  if (!tc) return undefined;
  // the stated number, else the cell's own number (a total the rule computed is written nowhere)
  for (const wanted of [f.actual, block.rows[loc.row]?.[loc.col]?.text]) {
    for (const p of elements(tc, 'w:p').filter((q) => nearest(q, 'w:tc') === tc)) {
      const at = findNumber(textsOf(p).map((t) => t.textContent ?? '').join(''), wanted, hintOf(f));
      if (at) return { kind: 'text', p, start: at[0], end: at[1] };
    }
  }
  return { kind: 'cell', tc };
}

/** Splits the run holding `t` before character `offset` of `t`; returns the run that starts at that character. */
function splitRun(t: Element, offset: number): Element {
  const run = t.parentNode as Element;
  const kids = children(run);
  const idx = kids.indexOf(t);
  const content = kids.filter((k) => k.nodeName !== 'w:rPr');
  if (offset === 0 && content[0] === t) return run;
  const right = run.cloneNode(true) as Element;
  run.parentNode!.insertBefore(right, run.nextSibling);
  const text = t.textContent ?? '';
  const rightKids = children(right);
  // left keeps what precedes the split, right what follows; both keep the run properties
  kids.forEach((k, i) => { if (i > idx) run.removeChild(k); });
  if (offset === 0) run.removeChild(t); else setText(t, text.slice(0, offset));
  rightKids.forEach((k, i) => { if (i < idx && k.nodeName !== 'w:rPr') right.removeChild(k); });
  setText(rightKids[idx], text.slice(offset));
  return right;
}

function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  t.appendChild(t.ownerDocument!.createTextNode(text));
  t.setAttribute('xml:space', 'preserve');
}

/** The character position [text element, offset] of index `i` of the paragraph's text; `end` prefers the end of a text. */
function position(texts: Element[], i: number, end: boolean): [Element, number] {
  let seen = 0;
  for (const t of texts) {
    const n = (t.textContent ?? '').length;
    if (end ? i <= seen + n && i > seen : i < seen + n) return [t, i - seen];
    seen += n;
  }
  const last = texts[texts.length - 1];
  return [last, (last.textContent ?? '').length];
}

function highlight(run: Element, colour: string): void {
  const doc = run.ownerDocument!;
  let rPr = children(run).find((k) => k.nodeName === 'w:rPr');
  if (!rPr) { rPr = doc.createElementNS(W, 'w:rPr'); run.insertBefore(rPr, run.firstChild); }
  for (const old of children(rPr).filter((k) => k.nodeName === 'w:highlight')) rPr.removeChild(old);
  const mark = doc.createElementNS(W, 'w:highlight');
  mark.setAttribute('w:val', colour);
  const rank = RPR_ORDER.indexOf('highlight');
  const after = children(rPr).find((k) => RPR_ORDER.indexOf(k.nodeName.replace(/^w:/, '')) > rank);
  rPr.insertBefore(mark, after ?? null);
}

function marker(doc: Document, tag: string, id: number): Element {
  const el = doc.createElementNS(W, tag);
  el.setAttribute('w:id', String(id));
  return el;
}

function referenceRun(doc: Document, id: number): Element {
  const run = doc.createElementNS(W, 'w:r');
  run.appendChild(marker(doc, 'w:commentReference', id));
  return run;
}

/** Puts comment `id` around the anchor: range start, range end, and the reference run Word shows the comment at. */
function attach(anchor: Anchor, id: number, colour: string): void {
  if (anchor.kind === 'text') {
    const texts = textsOf(anchor.p);
    const [endText, endOffset] = position(texts, anchor.end, true);
    const endLen = (endText.textContent ?? '').length;
    let lastRun = endOffset < endLen ? splitRun(endText, endOffset).previousSibling as Element : endText.parentNode as Element;
    const [startText, startOffset] = position(textsOf(anchor.p), anchor.start, false);
    const sameRun = startText.parentNode === lastRun;
    const firstRun = splitRun(startText, startOffset);
    // the number inside one run: that run's right part is the whole range
    if (sameRun) lastRun = firstRun;
    const runs = runsOf(anchor.p);
    const from = runs.indexOf(firstRun);
    const to = runs.indexOf(lastRun);
    for (const r of runs.slice(from, to + 1)) highlight(r, colour);
    const doc = anchor.p.ownerDocument!;
    firstRun.parentNode!.insertBefore(marker(doc, 'w:commentRangeStart', id), firstRun);
    const end = marker(doc, 'w:commentRangeEnd', id);
    lastRun.parentNode!.insertBefore(end, lastRun.nextSibling);
    lastRun.parentNode!.insertBefore(referenceRun(doc, id), end.nextSibling);
    return;
  }
  if (anchor.kind === 'run') {
    const doc = anchor.run.ownerDocument!;
    anchor.run.parentNode!.insertBefore(marker(doc, 'w:commentRangeStart', id), anchor.run);
    const end = marker(doc, 'w:commentRangeEnd', id);
    anchor.run.parentNode!.insertBefore(end, anchor.run.nextSibling);
    anchor.run.parentNode!.insertBefore(referenceRun(doc, id), end.nextSibling);
    return;
  }
  const paragraphs = anchor.kind === 'paragraph' ? [anchor.p] : elements(anchor.tc, 'w:p').filter((q) => nearest(q, 'w:tc') === anchor.tc);
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  const doc = first.ownerDocument!;
  const pPr = children(first).find((k) => k.nodeName === 'w:pPr');
  first.insertBefore(marker(doc, 'w:commentRangeStart', id), pPr ? pPr.nextSibling : first.firstChild);
  last.appendChild(marker(doc, 'w:commentRangeEnd', id));
  last.appendChild(referenceRun(doc, id));
}

function commentElement(doc: Document, id: number, lines: string[], date: string): Element {
  const comment = doc.createElementNS(W, 'w:comment');
  comment.setAttribute('w:id', String(id));
  comment.setAttribute('w:author', 'jixiao');
  comment.setAttribute('w:initials', 'JX');
  comment.setAttribute('w:date', date);
  lines.forEach((line, i) => {
    const p = doc.createElementNS(W, 'w:p');
    if (i === 0) {
      const ref = doc.createElementNS(W, 'w:r');
      ref.appendChild(doc.createElementNS(W, 'w:annotationRef'));
      p.appendChild(ref);
    }
    const r = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    r.appendChild(t);
    setText(t, line);
    p.appendChild(r);
    comment.appendChild(p);
  });
  return comment;
}

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
const serialize = (doc: Document): string => new XMLSerializer().serializeToString(doc as never);

/** The docx `buf` with one comment per finding; `blocks` are what the reader made of the same file. */
export function annotateDocx(buf: Uint8Array, blocks: Block[], findings: Finding[], lang: Lang): Uint8Array {
  const pkg = openDocx(buf);
  const files: Record<string, Uint8Array> = {};
  for (const m of pkg.members.values()) {
    if (m.name.endsWith('/')) continue;
    files[m.name] = pkg.parts[m.name] ?? inflateEntry(buf, m, pkg.budget);
  }
  const docPath = pkg.documentPath;
  const doc = parse(strFromU8(files[docPath]));
  const rels = relationshipsOf(pkg, docPath);
  const objects = new Map<string, Element>();
  for (const ole of [...elements(doc, 'o:OLEObject'), ...elements(doc, 'w:objectEmbed')]) {
    const target = rels.find((r) => r.id === ole.getAttribute('r:id'))?.target;
    const object = nearest(ole, 'w:object');
    const run = object && nearest(object, 'w:r');
    if (target && run && !objects.has(target)) objects.set(target, run);
  }
  const body: Body = {
    doc,
    paragraphs: elements(doc, 'w:p').filter((p) => !nearest(p, 'w:tbl')),
    tables: elements(doc, 'w:tbl'),
    objects,
  };
  const aligned = align(body, blocks);

  // Comments already in the document keep their ids; ours follow them.
  const folder = docPath.includes('/') ? docPath.slice(0, docPath.lastIndexOf('/')) : '';
  const existing = rels.find((r) => r.type === COMMENTS_TYPE && !r.external);
  const commentsPath = existing?.target ?? resolveTarget(folder, 'comments.xml');
  const commentsDoc = files[commentsPath]
    ? parse(strFromU8(files[commentsPath]))
    : parse(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}"/>`);
  const usedIds = [...elements(doc, 'w:commentRangeStart'), ...elements(doc, 'w:commentReference'), ...elements(commentsDoc, 'w:comment')]
    .map((e) => Number(e.getAttribute('w:id')) || 0);
  let nextId = Math.max(-1, ...usedIds) + 1;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  const first = body.paragraphs[0] ?? elements(doc, 'w:p')[0];
  const unplaced: Finding[] = [];
  for (const f of findings) {
    const anchor = anchorFor(f, body, blocks, aligned);
    if (!anchor) { unplaced.push(f); continue; }
    const id = nextId++;
    attach(anchor, id, COLOURS[f.severity].word);
    commentsDoc.documentElement.appendChild(commentElement(commentsDoc, id, noteLines(f, lang), date));
  }
  // Findings with no place in the text go first in the document, each as its own comment, saying where they belong.
  for (const f of unplaced.reverse()) {
    const id = nextId++;
    if (first) attach({ kind: 'paragraph', p: first }, id, '');
    commentsDoc.documentElement.insertBefore(commentElement(commentsDoc, id, [...noteLines(f, lang), unplacedLine(lang)], date),
      commentsDoc.documentElement.firstChild);
  }
  files[docPath] = strToU8(serialize(doc));
  files[commentsPath] = strToU8(serialize(commentsDoc));

  if (!existing) {
    const relsPath = `${folder ? `${folder}/` : ''}_rels/${docPath.slice(docPath.lastIndexOf('/') + 1)}.rels`;
    const relsDoc = files[relsPath] ? parse(strFromU8(files[relsPath])) : parse(`<Relationships xmlns="${REL_NS}"/>`);
    const ids = new Set(elements(relsDoc, 'Relationship').map((r) => r.getAttribute('Id')));
    let rid = 'rIdJixiaoComments';
    while (ids.has(rid)) rid += '1';
    const rel = relsDoc.createElementNS(REL_NS, 'Relationship');
    rel.setAttribute('Id', rid);
    rel.setAttribute('Type', COMMENTS_TYPE);
    rel.setAttribute('Target', folder ? commentsPath.slice(folder.length + 1) : commentsPath);
    relsDoc.documentElement.appendChild(rel);
    files[relsPath] = strToU8(serialize(relsDoc));
  }
  const types = parse(strFromU8(files['[Content_Types].xml']));
  const partName = `/${commentsPath}`;
  if (!elements(types, 'Override').some((o) => o.getAttribute('PartName') === partName)) {
    const o = types.createElementNS(CT_NS, 'Override');
    o.setAttribute('PartName', partName);
    o.setAttribute('ContentType', COMMENTS_CONTENT);
    types.documentElement.appendChild(o);
    files['[Content_Types].xml'] = strToU8(serialize(types));
  }
  const zippable: Zippable = {};
  // [Content_Types].xml first, as Office writes it; some readers look for it there.
  for (const name of ['[Content_Types].xml', ...Object.keys(files).filter((n) => n !== '[Content_Types].xml')]) zippable[name] = files[name];
  return zipSync(zippable, { level: 6 });
}
