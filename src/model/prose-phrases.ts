// Visitor over the phrase grammar: a paragraph → sentences → clauses, each quantity with the label written before it.
import type { IToken } from 'chevrotain';
import { lexPhrases, phraseParser } from '../../grammars/phrase.js';
import type { ParagraphCstNode, SentenceCstNode, ElementCstNode } from '../../grammars/phrase.cst.js';
import type { ScannedQuantity } from '../../grammars/quantity.js';

export interface LabelledQuantity extends ScannedQuantity {
  /** the words before the number in its clause, asides and filler removed (调整预算数, 实际到位资金) */
  label: string;
  /** inside brackets: an aside such as （含…12人） */
  bracketDepth: number;
  /** sentence and clause indices inside the paragraph */
  sentence: number;
  clause: number;
}

export interface Clause {
  start: number;
  end: number;
  text: string;
  /** the punctuation that closed the clause: ， ； ： 。 or '' at the end of the paragraph */
  closer: string;
  quantities: LabelledQuantity[];
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
  clauses: Clause[];
}

export interface ParsedParagraph {
  text: string;
  sentences: Sentence[];
  quantities: LabelledQuantity[];
}

// Filler before a number that is not part of what the number is.
const LABEL_TAIL = /(?:截至|截止|[为是达至了约有近超]|达到|共计|分别为|分别是|大约|只有|仅为)+$/;
const LABEL_HEAD = /^(?:其中|包括|包含|含|即|共|及|和|与|以及|同时|截至[^，,]*?[月日底末]|我镇|我单位|我局|本单位|本部门)+/;

export function cleanLabel(raw: string): string {
  let s = raw.replace(/[（(][^（()）]*[）)]/g, ''); // asides: 行政编制（含工勤编制）人员 → 行政编制人员
  s = s.replace(/[“”"‘’「」『』\s]/g, '');
  s = s.replace(/^[（(）)]+|[（(）)]+$/g, '');
  for (let i = 0; i < 3; i++) s = s.replace(LABEL_TAIL, '').replace(LABEL_HEAD, '');
  return s;
}

function flatTokens(cst: ParagraphCstNode): Array<{ sentence: number; token: IToken; kind: string }> {
  const out: Array<{ sentence: number; token: IToken; kind: string }> = [];
  (cst.children.sentence ?? []).forEach((s: SentenceCstNode, si) => {
    for (const el of s.children.element ?? []) {
      const children = (el as ElementCstNode).children as Record<string, IToken[] | undefined>;
      for (const [kind, toks] of Object.entries(children)) for (const t of toks ?? []) out.push({ sentence: si, token: t, kind });
    }
    for (const t of s.children.Stop ?? []) out.push({ sentence: si, token: t, kind: 'Stop' });
  });
  return out.sort((a, b) => a.token.startOffset - b.token.startOffset);
}

/** Parses one paragraph. Never throws: a text the grammar cannot read gives no sentences. */
export function parseParagraph(text: string): ParsedParagraph {
  const { tokens, quantities } = lexPhrases(text);
  phraseParser.input = tokens;
  const cst = phraseParser.paragraph() as ParagraphCstNode;
  if (phraseParser.errors.length) return { text, sentences: [], quantities: [] };

  const sentences: Sentence[] = [];
  const all: LabelledQuantity[] = [];
  let sentence: Sentence | null = null;
  let clause: Clause | null = null;
  let depth = 0;
  let labelStart = 0;
  const savedLabelStarts: Array<{ saved: number; sawQuantity: boolean }> = [];

  const closeClause = (end: number, closer: string) => {
    if (!clause || !sentence) return;
    clause.end = end;
    clause.text = text.slice(clause.start, end);
    clause.closer = closer;
    sentence.clauses.push(clause);
    clause = null;
  };
  const closeSentence = (end: number) => {
    if (!sentence) return;
    closeClause(end, clause ? '' : '');
    sentence.end = end;
    sentence.text = text.slice(sentence.start, end);
    sentences.push(sentence);
    sentence = null;
  };

  for (const { token, kind } of flatTokens(cst)) {
    const start = token.startOffset;
    const end = start + token.image.length;
    if (!sentence) sentence = { start, end: start, text: '', clauses: [] };
    if (!clause) {
      clause = { start, end: start, text: '', closer: '', quantities: [] };
      labelStart = start;
    }
    switch (kind) {
      case 'LBracket':
        // An aside names its own quantities; text around it still labels the quantity after it.
        depth++;
        savedLabelStarts.push({ saved: labelStart, sawQuantity: false });
        labelStart = end;
        break;
      case 'RBracket': {
        depth = Math.max(0, depth - 1);
        const frame = savedLabelStarts.pop();
        if (frame) labelStart = frame.sawQuantity ? end : frame.saved;
        break;
      }
      case 'Dun':
        labelStart = end;
        break;
      case 'QuantityToken': {
        const q = quantities.get(start)!;
        for (const frame of savedLabelStarts) frame.sawQuantity = true;
        const lq: LabelledQuantity = {
          ...q,
          label: cleanLabel(text.slice(labelStart, start)),
          bracketDepth: depth,
          sentence: sentences.length,
          clause: sentence!.clauses.length,
        };
        clause!.quantities.push(lq);
        all.push(lq);
        labelStart = end;
        break;
      }
      case 'Comma':
      case 'Semicolon':
      case 'Colon':
        if (depth === 0) closeClause(end, token.image);
        break;
      case 'Stop':
        if (depth === 0) {
          closeClause(end, token.image);
          closeSentence(end);
        }
        break;
    }
  }
  closeSentence(text.length);
  return { text, sentences, quantities: all };
}
