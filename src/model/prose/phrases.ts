// Visitor over the phrase grammar: a paragraph → sentences → ；-groups → ，-clauses → 、-items with their asides, and
// each quantity with the label written before it. Structure only; which amounts make a list is read in lists.ts.
import type { CstNode, IToken } from 'chevrotain';
import { lexPhrases, phraseParser } from '../../../grammars/phrase.js';
import type {
  AsideCstChildren, BodyCstChildren, ClauseCstChildren, ElementCstChildren, GroupCstChildren, ICstNodeVisitor, ItemCstChildren,
  OpenAsideCstChildren, ParagraphCstChildren, SentenceCstChildren,
} from '../../../grammars/phrase.cst.js';
import type { ScannedQuantity } from '../../../grammars/quantity-tokens.js';
import { OF_WHICH_WORD, PURPOSE_LIST_WORD, unitInContext, withoutAsides } from '../../lexicon/index.js';

/** Where a quantity stands in its container (its sentence, or the aside it is in): ；-group, ，-clause, 、-item. */
export interface Position {
  /** the container: one number per sentence and per aside, unique in the paragraph */
  container: number;
  group: number;
  clause: number;
  item: number;
}

export interface LabelledQuantity extends ScannedQuantity {
  /** the words before the number in its clause, asides and filler removed (调整预算数, 实际到位资金) */
  label: string;
  /** inside brackets: an aside such as （含…12人） */
  bracketDepth: number;
  /** sentence and clause indices inside the paragraph (clauses split at ，；： outside brackets) */
  sentence: number;
  clause: number;
  /** its place in the structure of its container (the sentence, or its innermost aside) */
  at: Position;
}

export interface Clause {
  start: number;
  end: number;
  text: string;
  /** the punctuation that closed the clause: ， ； ： 。 or '' at the end of the paragraph */
  closer: string;
  quantities: LabelledQuantity[];
}

/** What an item holds besides words, in text order. */
export type ItemElement =
  | { kind: 'quantity'; q: LabelledQuantity }
  | { kind: 'marker'; word: string; start: number; end: number }
  | { kind: 'colon'; start: number; end: number }
  | { kind: 'docref'; raw: string; start: number; end: number }
  | { kind: 'aside'; aside: Aside };

/** A 、-item: the words between two 、 (or a clause's only item). */
export interface Item {
  start: number;
  end: number;
  elements: ItemElement[];
}

/** A ，-clause of a ；-group: its 、-items. */
export interface ListClause {
  start: number;
  end: number;
  items: Item[];
}

/** A ；-group of a sentence or an aside: its ，-clauses. */
export interface Group {
  start: number;
  end: number;
  clauses: ListClause[];
}

/** （…）: an aside, with the structure of a sentence of its own; `closed` false when the writer never closed it. */
export interface Aside {
  start: number;
  end: number;
  closed: boolean;
  groups: Group[];
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  clauses: Clause[];
  /** the sentence's ；-groups, ，-clauses and 、-items (separators outside brackets) */
  groups: Group[];
}

export interface ParsedParagraph {
  text: string;
  sentences: Sentence[];
  quantities: LabelledQuantity[];
}

// Filler before a number that is not part of what the number is. 有 is filler in 我单位有34人 but a word of the
// label in 实有/现有 (在职实有34人: the people actually in post), so it is kept after 实 and 现. Likewise 达 (reaches)
// is filler but 下达/到达 (issued, arrived) name the amount: 全年实际下达61万元.
const LABEL_TAIL = /(?:截至|截止|[为是至了约近超]|(?<![下到])达|(?<![实现])有|达到|共计|分别为|分别是|大约|只有|仅为)+$/;
const LABEL_HEAD = new RegExp(`^(?:${OF_WHICH_WORD}|${PURPOSE_LIST_WORD}|包括|即|共(?!计)|及|和|与|以及|同时|截至[^，,]*?[月日底末]|我镇|我单位|我局|本单位|本部门)+`);

/**
 * 出国经费、车辆购置及运行费、公务接待费（简称“三公”经费）支出合计X: the abbreviation names what the amount is; the
 * words before it are what it abbreviates (only the last of them would be left after the 、). The 三公 whole's own name
 * in the aside says as much without 简称: 因公出国（境）经费、公务接待费、公车购置费，公车运行费（“三公”经费）决算总额X.
 */
const ABBREVIATION = /[（(](?:(?:以下)?简称[:：]?([^（）()]{1,20})|([“"]?三公[”"]?经费))[）)]/;

export function cleanLabel(raw: string): string {
  const abbreviated = ABBREVIATION.exec(raw);
  if (abbreviated) raw = (abbreviated[1] ?? abbreviated[2]) + raw.slice(abbreviated.index + abbreviated[0].length);
  let s = withoutAsides(raw); // asides: 行政编制（含工勤编制）人员 → 行政编制人员
  s = s.replace(/[“”"‘’「」『』\s]/g, '');
  // and the point or mark an item number leaves before it (1.基本支出 → 基本支出; the 1 is read as a number of its own)
  s = s.replace(/^[（(）)]+|[（(）)]+$/g, '').replace(/^[.．、]+/, '');
  for (let i = 0; i < 3; i++) s = s.replace(LABEL_TAIL, '').replace(LABEL_HEAD, '');
  return s;
}

/** What the visitor carries through one paragraph. */
interface ParagraphState {
  text: string;
  quantities: Map<number, ScannedQuantity>;
  sentences: Sentence[];
  all: LabelledQuantity[];
  sentence: Sentence | null;
  clause: Clause | null;
  /** bracket depth at the current token */
  depth: number;
  /** where the words that label the next quantity start */
  labelStart: number;
  /** one frame per open bracket: the label start before it, whether the aside held a quantity, whether it is ever closed */
  brackets: Array<{ saved: number; sawQuantity: boolean; unclosed: boolean }>;
  /** containers numbered so far (sentences and asides) */
  containers: number;
}

type Visited = Sentence | Group | Group[] | ListClause | Item | ItemElement | Aside | null | void;
const PhraseVisitorBase = phraseParser.getBaseCstVisitorConstructor<ParagraphState, Visited>();

/** A node's children (tokens and nodes) in text order. */
function inOrder(children: Record<string, Array<IToken | CstNode> | undefined>): Array<IToken | CstNode> {
  let only: Array<IToken | CstNode> | undefined;
  let groups = 0;
  for (const key in children) {
    const xs = children[key];
    if (xs?.length) { only = xs; groups++; }
  }
  // one kind of child (most nodes): already in text order; read, never changed, by the callers
  if (groups <= 1) return only ?? [];
  const all = Object.values(children).flatMap((xs) => xs ?? []);
  return all.sort((a, b) => offsetOf(a) - offsetOf(b));
}
const isToken = (x: IToken | CstNode): x is IToken => (x as IToken).image !== undefined;
const offsetOf = (x: IToken | CstNode) => (isToken(x) ? x.startOffset : x.location!.startOffset);
const tokenEnd = (t: IToken) => t.startOffset + t.image.length;
/**
 * Where a node's text ends: after its last token (token end offsets are not tracked: custom patterns). Each kind of
 * child is listed in text order, so only the last of each kind can hold the end: a walk down the right edges.
 */
function nodeEnd(n: CstNode): number {
  let end = n.location!.startOffset;
  for (const key in n.children) {
    const xs = n.children[key];
    const last = xs[xs.length - 1];
    if (!last) continue;
    const e = isToken(last) ? tokenEnd(last) : nodeEnd(last);
    if (e > end) end = e;
  }
  return end;
}

/**
 * Reads a paragraph's CST in text order. Sentences and clauses close at 。 and ，；： outside brackets, as the flat
 * clause list has always done; each quantity is labelled with the words since the last quantity, 、 or bracket of its
 * clause; and each sentence keeps its structure (；-groups, ，-clauses, 、-items, asides) for the list reader.
 */
export class PhraseVisitor extends PhraseVisitorBase implements ICstNodeVisitor<ParagraphState, Visited> {
  constructor() {
    super();
    this.validateVisitor();
  }

  paragraph(c: ParagraphCstChildren, p: ParagraphState): void {
    for (const sentence of c.sentence ?? []) this.visit(sentence, p);
    this.closeSentence(p, p.text.length);
  }

  /** the ；-groups, then the stop: asides left open end here */
  sentence(c: SentenceCstChildren, p: ParagraphState): void {
    const groups = c.body ? (this.visit(c.body[0], p) as Group[]) : [];
    const stop = c.Stop?.[0];
    if (stop) {
      this.open(p, stop);
      this.closeUnclosed(p, stop.startOffset);
      const end = tokenEnd(stop);
      this.closeClause(p, end, stop.image);
      this.closeSentence(p, end, groups);
    } else if (p.sentence) {
      this.closeUnclosed(p, p.text.length);
      this.closeSentence(p, p.text.length, groups);
    }
  }

  body(c: BodyCstChildren, p: ParagraphState): Group[] {
    return this.parts<Group>(c, p, (t) => this.separator(p, t)).parts;
  }

  group(c: GroupCstChildren, p: ParagraphState): Group {
    const { start, end, parts } = this.parts<ListClause>(c, p, (t) => this.separator(p, t));
    return { start, end, clauses: parts };
  }

  clause(c: ClauseCstChildren, p: ParagraphState): ListClause {
    const { start, end, parts } = this.parts<Item>(c, p, (t) => {
      this.open(p, t);
      p.labelStart = tokenEnd(t); // 、 starts a new label
    });
    return { start, end, items: parts };
  }

  /** A rule's parts between its separators, in order, and where the whole starts and ends. */
  private parts<T>(c: Record<string, Array<IToken | CstNode> | undefined>, p: ParagraphState, separator: (t: IToken) => void) {
    const parts: T[] = [];
    let start = -1;
    let end = -1;
    for (const x of inOrder(c)) {
      if (start < 0) start = offsetOf(x);
      if (isToken(x)) { separator(x); end = tokenEnd(x); } else { parts.push(this.visit(x, p) as T); end = nodeEnd(x); }
    }
    return { start, end, parts };
  }

  item(c: ItemCstChildren, p: ParagraphState): Item {
    const elements = (c.element ?? []).map((e) => this.visit(e, p) as ItemElement | null).filter((e): e is ItemElement => e !== null);
    const first = c.element![0];
    const last = c.element![c.element!.length - 1];
    return { start: first.location!.startOffset, end: nodeEnd(last), elements };
  }

  element(c: ElementCstChildren, p: ParagraphState): ItemElement | null {
    if (c.aside) return { kind: 'aside', aside: this.visit(c.aside[0], p) as Aside };
    if (c.openAside) return { kind: 'aside', aside: this.visit(c.openAside[0], p) as Aside };
    const token = (c.QuantityToken ?? c.Text ?? c.Marker ?? c.DocRef ?? c.Colon ?? c.OpenQuote ?? c.CloseQuote ?? c.StraightQuote)![0];
    this.open(p, token);
    const start = token.startOffset;
    const end = tokenEnd(token);
    if (c.QuantityToken) {
      const q = p.quantities.get(start)!;
      for (const frame of p.brackets) frame.sawQuantity = true;
      const label = cleanLabel(p.text.slice(p.labelStart, start));
      const lq: LabelledQuantity = {
        ...q,
        unit: unitInContext(q.unit, label),
        label,
        bracketDepth: p.depth,
        sentence: p.sentences.length,
        clause: p.sentence!.clauses.length,
        at: { container: 0, group: 0, clause: 0, item: 0 },
      };
      p.clause!.quantities.push(lq);
      p.all.push(lq);
      p.labelStart = end;
      return { kind: 'quantity', q: lq };
    }
    if (c.Marker) return { kind: 'marker', word: token.image, start, end };
    if (c.DocRef) {
      p.labelStart = end; // 按编委[2020]3号文下设…: the document names no amount after it
      return { kind: 'docref', raw: token.image, start, end };
    }
    if (c.Colon) {
      if (p.depth === 0) this.closeClause(p, end, token.image);
      return { kind: 'colon', start, end };
    }
    return null;
  }

  /** An aside names its own quantities; text around it still labels the quantity after it. */
  aside(c: AsideCstChildren, p: ParagraphState): Aside {
    const open = c.LBracket[0];
    this.enterBracket(p, open, false);
    const groups: Group[] = [];
    for (const x of inOrder({ body: c.body, Stop: c.Stop })) {
      if (isToken(x)) this.open(p, x); // a stop inside an aside does not end the sentence
      else groups.push(...(this.visit(x, p) as Group[]));
    }
    const close = c.RBracket[0];
    this.open(p, close);
    const end = tokenEnd(close);
    p.depth = Math.max(0, p.depth - 1);
    const frame = p.brackets.pop();
    if (frame) p.labelStart = frame.sawQuantity ? end : frame.saved;
    return { start: open.startOffset, end, closed: true, groups };
  }

  /** （… never closed: its quantities are the aside's until the sentence's stop closes it (closeUnclosed). */
  openAside(c: OpenAsideCstChildren, p: ParagraphState): Aside {
    const open = c.LBracketOpen[0];
    this.enterBracket(p, open, true);
    const groups = c.body ? (this.visit(c.body[0], p) as Group[]) : [];
    const end = c.body ? nodeEnd(c.body[0]) : tokenEnd(open);
    return { start: open.startOffset, end, closed: false, groups };
  }

  private enterBracket(p: ParagraphState, token: IToken, unclosed: boolean): void {
    this.open(p, token);
    p.depth++;
    p.brackets.push({ saved: p.labelStart, sawQuantity: false, unclosed });
    p.labelStart = tokenEnd(token);
  }

  /** Asides the writer never closed end at the sentence's stop. */
  private closeUnclosed(p: ParagraphState, at: number): void {
    while (p.brackets.length && p.brackets[p.brackets.length - 1].unclosed) {
      const frame = p.brackets.pop()!;
      p.depth = Math.max(0, p.depth - 1);
      p.labelStart = frame.sawQuantity ? at : frame.saved;
    }
  }

  /** ， ； outside brackets close a clause of the flat list. */
  private separator(p: ParagraphState, token: IToken): void {
    this.open(p, token);
    if (p.depth === 0) this.closeClause(p, tokenEnd(token), token.image);
  }

  /** A token with no open sentence or clause opens them; a new clause's label starts at its first token. */
  private open(p: ParagraphState, token: IToken): void {
    const start = token.startOffset;
    if (!p.sentence) p.sentence = { start, end: start, text: '', clauses: [], groups: [] };
    if (!p.clause) {
      p.clause = { start, end: start, text: '', closer: '', quantities: [] };
      p.labelStart = start;
    }
  }

  private closeClause(p: ParagraphState, end: number, closer: string): void {
    if (!p.clause || !p.sentence) return;
    p.clause.end = end;
    p.clause.text = p.text.slice(p.clause.start, end);
    p.clause.closer = closer;
    p.sentence.clauses.push(p.clause);
    p.clause = null;
  }

  private closeSentence(p: ParagraphState, end: number, groups?: Group[]): void {
    if (!p.sentence) return;
    this.closeClause(p, end, '');
    p.sentence.end = end;
    p.sentence.text = p.text.slice(p.sentence.start, end);
    if (groups) p.sentence.groups = groups;
    place(groups ?? [], p);
    p.sentences.push(p.sentence);
    p.sentence = null;
  }
}

/** Gives each quantity its place in its container: the groups of a sentence, or of the aside it stands in. */
function place(groups: Group[], p: { containers: number }): void {
  const container = p.containers++;
  groups.forEach((g, gi) => g.clauses.forEach((c, ci) => c.items.forEach((item, ti) => {
    for (const e of item.elements) {
      if (e.kind === 'quantity') e.q.at = { container, group: gi, clause: ci, item: ti };
      else if (e.kind === 'aside') place(e.aside.groups, p);
    }
  })));
}

const phraseVisitor = new PhraseVisitor();

/** Parses one paragraph. Never throws: a text the grammar cannot read gives no sentences. */
export function parseParagraph(text: string): ParsedParagraph {
  const { tokens, quantities } = lexPhrases(text);
  phraseParser.input = tokens;
  const cst = phraseParser.paragraph();
  if (phraseParser.errors.length) return { text, sentences: [], quantities: [] };
  const state: ParagraphState = {
    text, quantities, sentences: [], all: [], sentence: null, clause: null, depth: 0, labelStart: 0, brackets: [], containers: 0,
  };
  phraseVisitor.visit(cst, state);
  return { text, sentences: state.sentences, quantities: state.all };
}
