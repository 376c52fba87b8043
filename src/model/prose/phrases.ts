// Visitor over the phrase grammar: a paragraph → sentences → clauses, each quantity with the label written before it.
import type { IToken } from 'chevrotain';
import { lexPhrases, phraseParser } from '../../../grammars/phrase.js';
import type { ElementCstChildren, ICstNodeVisitor, ParagraphCstChildren, SentenceCstChildren } from '../../../grammars/phrase.cst.js';
import type { ScannedQuantity } from '../../../grammars/quantity-tokens.js';
import { OF_WHICH_WORD, withoutAsides } from '../../lexicon/index.js';

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

// Filler before a number that is not part of what the number is. 有 is filler in 我单位有34人 but a word of the
// label in 实有/现有 (在职实有34人: the people actually in post), so it is kept after 实 and 现.
const LABEL_TAIL = /(?:截至|截止|[为是达至了约近超]|(?<![实现])有|达到|共计|分别为|分别是|大约|只有|仅为)+$/;
const LABEL_HEAD = new RegExp(`^(?:${OF_WHICH_WORD}|包括|即|共|及|和|与|以及|同时|截至[^，,]*?[月日底末]|我镇|我单位|我局|本单位|本部门)+`);

export function cleanLabel(raw: string): string {
  let s = withoutAsides(raw); // asides: 行政编制（含工勤编制）人员 → 行政编制人员
  s = s.replace(/[“”"‘’「」『』\s]/g, '');
  s = s.replace(/^[（(）)]+|[（(）)]+$/g, '');
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
  /** one frame per open bracket: the label start before it, and whether the aside held a quantity */
  brackets: Array<{ saved: number; sawQuantity: boolean }>;
}

const PhraseVisitorBase = phraseParser.getBaseCstVisitorConstructor<ParagraphState, void>();

/**
 * Reads a paragraph's CST in text order: sentences and clauses close at 。 and ，；： outside brackets (the
 * grammar keeps brackets flat, since real text leaves them unbalanced), and each quantity is labelled with the
 * words since the last quantity, 、 or bracket of its clause.
 */
export class PhraseVisitor extends PhraseVisitorBase implements ICstNodeVisitor<ParagraphState, void> {
  constructor() {
    super();
    this.validateVisitor();
  }

  paragraph(c: ParagraphCstChildren, p: ParagraphState): void {
    for (const sentence of c.sentence ?? []) this.visit(sentence, p);
    this.closeSentence(p, p.text.length);
  }

  /** elements in order, then the closing stop (a sentence is elements with an optional stop, or a lone stop) */
  sentence(c: SentenceCstChildren, p: ParagraphState): void {
    for (const element of c.element ?? []) this.visit(element, p);
    for (const stop of c.Stop ?? []) {
      this.open(p, stop);
      if (p.depth === 0) {
        const end = stop.startOffset + stop.image.length;
        this.closeClause(p, end, stop.image);
        this.closeSentence(p, end);
      }
    }
  }

  element(c: ElementCstChildren, p: ParagraphState): void {
    const token = (c.QuantityToken ?? c.Text ?? c.Dun ?? c.Comma ?? c.Semicolon ?? c.Colon ?? c.LBracket ?? c.RBracket ??
      c.OpenQuote ?? c.CloseQuote ?? c.StraightQuote)![0];
    this.open(p, token);
    const start = token.startOffset;
    const end = start + token.image.length;
    if (c.LBracket) {
      // An aside names its own quantities; text around it still labels the quantity after it.
      p.depth++;
      p.brackets.push({ saved: p.labelStart, sawQuantity: false });
      p.labelStart = end;
    } else if (c.RBracket) {
      p.depth = Math.max(0, p.depth - 1);
      const frame = p.brackets.pop();
      if (frame) p.labelStart = frame.sawQuantity ? end : frame.saved;
    } else if (c.Dun) {
      p.labelStart = end;
    } else if (c.QuantityToken) {
      const q = p.quantities.get(start)!;
      for (const frame of p.brackets) frame.sawQuantity = true;
      const lq: LabelledQuantity = {
        ...q,
        label: cleanLabel(p.text.slice(p.labelStart, start)),
        bracketDepth: p.depth,
        sentence: p.sentences.length,
        clause: p.sentence!.clauses.length,
      };
      p.clause!.quantities.push(lq);
      p.all.push(lq);
      p.labelStart = end;
    } else if ((c.Comma || c.Semicolon || c.Colon) && p.depth === 0) {
      this.closeClause(p, end, token.image);
    }
  }

  /** A token with no open sentence or clause opens them; a new clause's label starts at its first token. */
  private open(p: ParagraphState, token: IToken): void {
    const start = token.startOffset;
    if (!p.sentence) p.sentence = { start, end: start, text: '', clauses: [] };
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

  private closeSentence(p: ParagraphState, end: number): void {
    if (!p.sentence) return;
    this.closeClause(p, end, '');
    p.sentence.end = end;
    p.sentence.text = p.text.slice(p.sentence.start, end);
    p.sentences.push(p.sentence);
    p.sentence = null;
  }
}

const phraseVisitor = new PhraseVisitor();

/** Parses one paragraph. Never throws: a text the grammar cannot read gives no sentences. */
export function parseParagraph(text: string): ParsedParagraph {
  const { tokens, quantities } = lexPhrases(text);
  phraseParser.input = tokens;
  const cst = phraseParser.paragraph();
  if (phraseParser.errors.length) return { text, sentences: [], quantities: [] };
  const state: ParagraphState = {
    text, quantities, sentences: [], all: [], sentence: null, clause: null, depth: 0, labelStart: 0, brackets: [],
  };
  phraseVisitor.visit(cst, state);
  return { text, sentences: state.sentences, quantities: state.all };
}
