// Visitor over the enumeration grammar: the items of "N个，分别是 a、b（别名）、c" with asides kept inside their item.
import type { IToken } from 'chevrotain';
import { enumerationLexer, enumerationParser } from '../../grammars/enumeration.js';
import type { EnumerationCstNode, ItemCstNode, BracketedCstNode, SeparatorCstNode } from '../../grammars/enumeration.cst.js';

/** Introducers after a count that announce the items: 分别是 具体为 包括 … or a bare colon. */
export const ENUMERATION_INTRO = /^[，,]?\s*(?:分别是|分别为|具体为|具体是|具体包括|主要包括|主要有|包括|包含|即|有)\s*[：:]?|^\s*[：:]/;

const SEP_RANK: Record<string, number> = { '、': 1, '，': 2, ',': 2, '；': 3, ';': 3, '：': 4, ':': 4 };

function itemText(node: ItemCstNode | BracketedCstNode): string {
  const parts: Array<{ offset: number; image: string }> = [];
  const walk = (n: ItemCstNode | BracketedCstNode | SeparatorCstNode) => {
    for (const list of Object.values(n.children) as Array<Array<IToken | ItemCstNode | BracketedCstNode | SeparatorCstNode>>) {
      for (const child of list ?? []) {
        if ('image' in child) parts.push({ offset: child.startOffset, image: child.image });
        else walk(child);
      }
    }
  };
  walk(node);
  return parts.sort((a, b) => a.offset - b.offset).map((p) => p.image).join('').trim();
}

/**
 * Reads the items that follow an introducer. The first top-level separator sets the list's separator; a stronger
 * one (、 list closed by ，) ends the list. Returns null when brackets do not balance or there are no items.
 */
export function readEnumeration(textAfterIntro: string): { items: string[]; end: number } | null {
  const lexed = enumerationLexer.tokenize(textAfterIntro);
  if (lexed.errors.length) return null;
  // The grammar reads one list: cut at the first sentence stop outside brackets, or at a separator stronger than
  // the list's own (a 、 list ends at ，), and drop a trailing separator.
  const SEP_NAMES: Record<string, number> = { EnumDun: 1, EnumComma: 2, EnumSemi: 3, EnumColon: 4 };
  let depth = 0;
  let cut = lexed.tokens.length;
  let listRank = 0;
  for (let i = 0; i < lexed.tokens.length; i++) {
    const name = lexed.tokens[i].tokenType.name;
    if (name === 'EnumLParen') depth++;
    else if (name === 'EnumRParen') depth--;
    else if (depth === 0 && name === 'EnumStop') { cut = i; break; }
    else if (depth === 0 && name in SEP_NAMES && !(i === 0 && name === 'EnumColon')) {
      if (!listRank) listRank = SEP_NAMES[name];
      else if (SEP_NAMES[name] > listRank) { cut = i; break; }
    }
  }
  let tokens = lexed.tokens.slice(0, cut);
  while (tokens.length && tokens[tokens.length - 1].tokenType.name in SEP_NAMES) tokens = tokens.slice(0, -1);
  enumerationParser.input = tokens;
  const cst = enumerationParser.enumeration() as EnumerationCstNode;
  if (enumerationParser.errors.length) return null;
  const items = cst.children.item ?? [];
  const seps = cst.children.separator ?? [];
  if (!items.length) return null;
  const sepImage = (s: SeparatorCstNode) => (Object.values(s.children)[0] as IToken[])[0];
  const rank = seps.length ? SEP_RANK[sepImage(seps[0]).image] ?? 9 : 9;
  const out: string[] = [itemText(items[0])];
  let end = lastOffset(items[0]);
  for (let i = 0; i < seps.length; i++) {
    const sep = sepImage(seps[i]);
    if ((SEP_RANK[sep.image] ?? 9) > rank) break;
    out.push(itemText(items[i + 1]));
    end = lastOffset(items[i + 1]);
  }
  return { items: out.map((s) => s.replace(/^(?:以及|及|和|与)/, '').replace(/等$/, '').trim()).filter(Boolean), end };
}

function lastOffset(node: ItemCstNode | BracketedCstNode): number {
  let max = 0;
  const walk = (n: ItemCstNode | BracketedCstNode | SeparatorCstNode) => {
    for (const list of Object.values(n.children) as Array<Array<IToken | ItemCstNode | BracketedCstNode>>) {
      for (const child of list ?? []) {
        if ('image' in child) max = Math.max(max, child.startOffset + child.image.length);
        else walk(child);
      }
    }
  };
  walk(node);
  return max;
}
