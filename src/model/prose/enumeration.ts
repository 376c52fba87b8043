// Visitor over the enumeration grammar: the items of "N个，分别是 a、b（别名）、c和d" with asides kept inside their item.
import type { IToken } from 'chevrotain';
import { EnumText, enumerationLexer, enumerationParser } from '../../../grammars/enumeration.js';
import type {
  BracketedCstChildren, EnumerationCstChildren, ICstNodeVisitor, ItemCstChildren, SeparatorCstChildren,
} from '../../../grammars/enumeration.cst.js';
import { bracketStep, maskAsides, separatorRank, withoutAsides } from '../../lexicon/index.js';

/**
 * Words after a count (and its noun) that open the list. 即 only as a word of its own: not 即将, 即时, 即可; 有 not
 * inside 有关, 所有, 具有 … (八项规定有关精神, 7个直属单位所有支出 are no lists).
 */
export const INTRO_PATTERNS = ['分别是', '分别为', '具体为', '具体是', '具体包括', '主要包括', '主要有', '包括', '包含', '即(?![将时可使便])', '(?<![所没拥具持享占])有(?![关效序力利助些所])'] as const;
/** An introducer after a count: one of the words, or a bare colon. */
export const ENUMERATION_INTRO = new RegExp(`^[，,]?\\s*(?:${INTRO_PATTERNS.join('|')})\\s*[：:]?|^\\s*[：:]`);
/** Words that join the last item to the one before it (A、B和C); inside a name they join words (文秘和档案室). */
const JOINER = /以及|及|和/g;

/** A separator token of the list grammar, by its name. */
const SEPARATOR_TOKENS = new Set(['EnumDun', 'EnumComma', 'EnumSemi', 'EnumColon']);
const isSeparator = (t: IToken) => SEPARATOR_TOKENS.has(t.tokenType.name);

/** Where a node's text lies in the text after the introducer: its tokens are contiguous, so this span is its text. */
interface Span {
  start: number;
  end: number;
}

/** A list as the grammar read it: each item's span, and the separators between them. */
interface ListReading {
  items: Span[];
  separators: string[];
}

const EnumerationVisitorBase = enumerationParser.getBaseCstVisitorConstructor<void, ListReading | Span | string>();

/** Reads an enumeration's CST: the span of each item (its bracketed asides inside it) and each separator as written. */
export class EnumerationVisitor extends EnumerationVisitorBase implements ICstNodeVisitor<void, ListReading | Span | string> {
  constructor() {
    super();
    this.validateVisitor();
  }

  enumeration(c: EnumerationCstChildren): ListReading {
    return {
      items: (c.item ?? []).map((item) => this.visit(item) as Span),
      separators: (c.separator ?? []).map((sep) => this.visit(sep) as string),
    };
  }

  separator(c: SeparatorCstChildren): string {
    return (c.EnumDun ?? c.EnumComma ?? c.EnumSemi ?? c.EnumColon)![0].image;
  }

  item(c: ItemCstChildren): Span {
    return cover([...(c.EnumText ?? []).map(tokenSpan), ...(c.bracketed ?? []).map((b) => this.visit(b) as Span)]);
  }

  bracketed(c: BracketedCstChildren): Span {
    return { start: c.EnumLParen[0].startOffset, end: tokenSpan(c.EnumRParen[0]).end };
  }
}

const tokenSpan = (t: IToken): Span => ({ start: t.startOffset, end: t.startOffset + t.image.length });
const cover = (spans: Span[]): Span => ({
  start: Math.min(...spans.map((s) => s.start)),
  end: Math.max(...spans.map((s) => s.end)),
});
const enumerationVisitor = new EnumerationVisitor();

/** Each 、-item of the list (up to its stop or a stronger separator) holds one colon: name：type. */
function everyDunItemNamesItsType(tokens: IToken[]): boolean {
  const colons: number[] = [0];
  let depth = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    const step = bracketStep(t.image);
    if (step) depth += step;
    else if (depth > 0) continue;
    else if (name === 'EnumStop' || name === 'EnumComma' || name === 'EnumSemi') break;
    else if (name === 'EnumDun') colons.push(0);
    else if (name === 'EnumColon') colons[colons.length - 1]++;
  }
  return colons.length >= 2 && colons.every((n) => n === 1);
}

/**
 * Items written "name：type" separated by ； or ，(办公室：行政；信息中心：公益一类): when the list has such a separator,
 * a colon after the first item is part of its item, not a separator. A 、 list still ends at a colon, unless every one
 * of its items is written so (A（本级）：行政单位、B：公益一类事业单位).
 */
function colonsInsideItems(tokens: IToken[]): IToken[] {
  let depth = 0;
  let listSeparator = '';
  for (const t of tokens) {
    const name = t.tokenType.name;
    const step = bracketStep(t.image);
    if (step) depth += step;
    else if (depth === 0 && name === 'EnumStop') break;
    else if (depth === 0 && (name === 'EnumDun' || name === 'EnumComma' || name === 'EnumSemi')) { listSeparator = name; break; }
  }
  if (listSeparator === 'EnumDun' && !everyDunItemNamesItsType(tokens)) return tokens;
  if (!listSeparator) return tokens;
  return tokens.map((t, i) => (i > 0 && t.tokenType.name === 'EnumColon' ? { ...t, tokenType: EnumText, tokenTypeIdx: EnumText.tokenTypeIdx! } : t));
}

/** The item without its bracketed asides: 督查室（中共…督查室） → 督查室. */
export function itemStem(item: string): string {
  return withoutAsides(item, true).trim();
}

/**
 * A、B和C: the last item split at its joiner when both halves are items of the list's kind — the left half ends like
 * another item or like the right half (服务中心和信息中心). A joiner that cannot be told apart from a name's own
 * (文秘和档案科 after 办公室、财务科) makes the list ambiguous: null, no relation rather than a guess.
 */
export function splitLastItem(items: string[]): string[] | null {
  const last = items[items.length - 1];
  const others = items.slice(0, -1);
  // Joiners inside an aside belong to the aside.
  const masked = maskAsides(last);
  const joiners = [...masked.matchAll(JOINER)];
  if (!joiners.length) return items;
  const tail = (s: string) => itemStem(s).slice(-1);
  for (const m of joiners) {
    const left = last.slice(0, m.index).trim();
    const right = last.slice(m.index! + m[0].length).trim();
    if (!itemStem(left) || !itemStem(right)) continue;
    const endings = new Set([...others.map(tail), tail(right)]);
    if (endings.has(tail(left)) && (others.length > 0 || tail(left) === tail(right))) return [...others, left, right];
  }
  return null;
}

/**
 * Reads the items that follow an introducer. The first top-level separator sets the list's separator; a stronger
 * one (、 list closed by ，) ends the list. Returns null when brackets do not balance, there are no items, a ，-list
 * is closed by ；, or the last item's 和/及 cannot be read as one name or as two items.
 */
export function readEnumeration(textAfterIntro: string): { items: string[]; end: number } | null {
  const lexed = enumerationLexer.tokenize(textAfterIntro);
  if (lexed.errors.length) return null;
  const all = colonsInsideItems(lexed.tokens);
  // The grammar reads one list: cut at the first sentence stop outside brackets, or at a separator stronger than
  // the list's own (a 、 list ends at ，), and drop a trailing separator.
  let depth = 0;
  let cut = all.length;
  let listRank = 0;
  for (let i = 0; i < all.length; i++) {
    const name = all[i].tokenType.name;
    const step = bracketStep(all[i].image);
    if (step) depth += step;
    else if (depth === 0 && name === 'EnumStop') { cut = i; break; }
    else if (depth === 0 && isSeparator(all[i]) && !(i === 0 && name === 'EnumColon')) {
      const rank = separatorRank(all[i].image);
      if (!listRank) listRank = rank;
      else if (rank > listRank) {
        // A ，-list closed by ； (办公室，负责…；财务科，负责…): the ； most likely separates the items; no guess.
        if (listRank === separatorRank('，') && name === 'EnumSemi') return null;
        cut = i;
        break;
      }
    }
  }
  let tokens = all.slice(0, cut);
  while (tokens.length && isSeparator(tokens[tokens.length - 1])) tokens = tokens.slice(0, -1);
  enumerationParser.input = tokens;
  const cst = enumerationParser.enumeration();
  if (enumerationParser.errors.length) return null;
  const { items, separators } = enumerationVisitor.visit(cst) as ListReading;
  if (!items.length) return null;
  const itemText = (span: Span) => textAfterIntro.slice(span.start, span.end).trim();
  const rank = separators.length ? separatorRank(separators[0]) || 9 : 9;
  const out: string[] = [itemText(items[0])];
  let end = items[0].end;
  for (let i = 0; i < separators.length; i++) {
    if ((separatorRank(separators[i]) || 9) > rank) break;
    out.push(itemText(items[i + 1]));
    end = items[i + 1].end;
  }
  const cleaned = out.map((s) => s.replace(/^(?:以及|及|和|与)/, '').replace(/等$/, '').trim()).filter(Boolean);
  if (!cleaned.length) return null;
  // A ，-list whose first item already names two things joined by 和 (两个：A中心和B中心（…），撤销…，下辖…): the
  // list is that clause; the clauses after it are statements of their own.
  if (rank === separatorRank('，') && cleaned.length > 1) {
    const pair = splitLastItem([cleaned[0]]);
    if (pair && pair.length === 2) return { items: pair, end: items[0].end };
  }
  const split = splitLastItem(cleaned);
  return split ? { items: split, end } : null;
}
