// Grammar of a paragraph's structure: sentences of ；-groups of ，-clauses of 、-items, asides in brackets (nested, or
// left open to the sentence's end), over the quantity phrases, list markers and document numbers. Grammar only; labels
// and meaning come from the visitor (src/model/prose/phrases.ts) and the list reader (src/model/prose/lists.ts).
import { createToken, Lexer, CstParser, lexerOptions, parserOptions, type CstNode, type ParserMethod, type TokenType, type CustomPatternMatcherFunc } from './chevrotain.js';
import { scanQuantities, type ScannedQuantity } from './quantity-tokens.js';
import { bracketPairs, documentNumbers, listMarkers } from '../src/lexicon/index.js';

/**
 * What the pre-scans found before lexing, keyed by start offset: quantities (context rules such as 第N, 分别, years),
 * list markers (其中, 包括 … in context), document numbers (〔2021〕12号) and each bracket's part (a pair, or an opening
 * never closed). The lexer's custom patterns consult these so token boundaries agree with the scanners.
 */
interface Scan {
  quantities: Map<number, ScannedQuantity>;
  markers: Map<number, number>;
  docRefs: Map<number, number>;
  brackets: Map<number, 'open' | 'close' | 'unclosed'>;
}
const emptyScan = (): Scan => ({ quantities: new Map(), markers: new Map(), docRefs: new Map(), brackets: new Map() });
let scan: Scan = emptyScan();

/** Structural characters other than brackets, which are structural only where the pre-scan paired them. */
const STRUCTURAL = /[“”"‘’「」『』、，,；;：:。！？!?]/;

const matched = (text: string, offset: number, end: number): RegExpExecArray => {
  const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
  m.index = offset;
  m.input = text;
  return m;
};

const spanPattern = (table: () => Map<number, number>): CustomPatternMatcherFunc => (text, offset) => {
  const length = table().get(offset);
  return length ? matched(text, offset, offset + length) : null;
};

const bracketPattern = (part: 'open' | 'close' | 'unclosed'): CustomPatternMatcherFunc => (text, offset) =>
  (scan.brackets.get(offset) === part ? matched(text, offset, offset + 1) : null);

const startsToken = (offset: number) => scan.quantities.has(offset) || scan.markers.has(offset) || scan.docRefs.has(offset);

const matchText: CustomPatternMatcherFunc = (text, offset) => {
  let end = offset;
  while (end < text.length && !STRUCTURAL.test(text[end]) && !scan.brackets.has(end) && (end === offset || !startsToken(end))) end++;
  return end === offset ? null : matched(text, offset, end);
};

export const QuantityToken = createToken({
  name: 'QuantityToken',
  pattern: (text, offset) => {
    const q = scan.quantities.get(offset);
    return q ? matched(text, q.start, q.end) : null;
  },
  line_breaks: true,
});
/** 其中, 包括, 包含, 含: a word that opens the parts of the amount before it. */
export const Marker = createToken({ name: 'Marker', pattern: spanPattern(() => scan.markers), line_breaks: false });
/** 〔2021〕12号: a document's number, whose digits are no amounts. */
export const DocRef = createToken({ name: 'DocRef', pattern: spanPattern(() => scan.docRefs), line_breaks: true });
export const LBracket = createToken({ name: 'LBracket', pattern: bracketPattern('open'), line_breaks: false });
export const RBracket = createToken({ name: 'RBracket', pattern: bracketPattern('close'), line_breaks: false });
/** An opening bracket never closed: its aside ends where the sentence does. */
export const LBracketOpen = createToken({ name: 'LBracketOpen', pattern: bracketPattern('unclosed'), line_breaks: false });
export const OpenQuote = createToken({ name: 'OpenQuote', pattern: /[“‘「『]/ });
export const CloseQuote = createToken({ name: 'CloseQuote', pattern: /[”’」』]/ });
export const StraightQuote = createToken({ name: 'StraightQuote', pattern: /"/ });
export const Dun = createToken({ name: 'Dun', pattern: /、/ });
export const Comma = createToken({ name: 'Comma', pattern: /[，,]/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /[；;]/ });
export const Colon = createToken({ name: 'Colon', pattern: /[：:]/ });
export const Stop = createToken({ name: 'Stop', pattern: /[。！？!?]/ });
export const Text = createToken({ name: 'Text', pattern: matchText, line_breaks: true });

const allTokens: TokenType[] = [
  QuantityToken, Marker, DocRef, LBracket, RBracket, LBracketOpen, OpenQuote, CloseQuote, StraightQuote, Dun, Comma,
  Semicolon, Colon, Stop, Text,
];
const phraseLexer = new Lexer(allTokens, lexerOptions);

/** Lexes a paragraph; returns the tokens and the quantities they refer to (keyed by start offset). */
export function lexPhrases(text: string) {
  const docRefs = documentNumbers(text);
  const insideDocRef = (q: ScannedQuantity) => docRefs.some((d) => q.start < d.end && q.end > d.start);
  const quantities = new Map(scanQuantities(text).filter((q) => !insideDocRef(q)).map((q) => [q.start, q]));
  const covered = new Uint8Array(text.length + 1);
  for (const span of [...quantities.values(), ...docRefs]) covered.fill(1, span.start, span.end);
  const taken = (at: number) => covered[at] === 1;
  scan = {
    quantities,
    markers: new Map(listMarkers(text).filter((m) => !taken(m.start)).map((m) => [m.start, m.end - m.start])),
    docRefs: new Map(docRefs.map((d) => [d.start, d.end - d.start])),
    brackets: bracketPairs(text),
  };
  try {
    const result = phraseLexer.tokenize(text);
    return { tokens: result.tokens, errors: result.errors, quantities };
  } finally {
    scan = emptyScan();
  }
}

class PhraseParser extends CstParser {
  constructor() {
    super(allTokens, { ...parserOptions, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  paragraph = this.RULE('paragraph', () => {
    this.MANY(() => this.SUBRULE(this.sentence));
  });

  /** a sentence ends at 。！？ outside brackets (or the paragraph's end) */
  sentence = this.RULE('sentence', () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.body);
          this.OPTION(() => this.CONSUME(Stop));
        },
      },
      { ALT: () => this.CONSUME2(Stop) },
    ]);
  });

  /** ；-groups; the separators drive the loop, so a group may be empty (a leading or doubled ；) */
  body = this.RULE('body', () => this.separatedBy(Semicolon, this.group));

  /** ，-clauses of a ；-group */
  group = this.RULE('group', () => this.separatedBy(Comma, this.clause));

  /** 、-items of a ，-clause */
  clause = this.RULE('clause', () => this.separatedBy(Dun, this.item));

  item = this.RULE('item', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.element));
  });

  element = this.RULE('element', () => {
    this.OR([
      { ALT: () => this.CONSUME(QuantityToken) },
      { ALT: () => this.CONSUME(Text) },
      { ALT: () => this.CONSUME(Marker) },
      { ALT: () => this.CONSUME(DocRef) },
      { ALT: () => this.CONSUME(Colon) },
      { ALT: () => this.CONSUME(OpenQuote) },
      { ALT: () => this.CONSUME(CloseQuote) },
      { ALT: () => this.CONSUME(StraightQuote) },
      { ALT: () => this.SUBRULE(this.aside) },
      { ALT: () => this.SUBRULE(this.openAside) },
    ]);
  });

  /** （…）: a matched aside, which may hold ；-groups and even sentence stops */
  aside = this.RULE('aside', () => {
    this.CONSUME(LBracket);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.body) },
        { ALT: () => this.CONSUME(Stop) },
      ]);
    });
    this.CONSUME(RBracket);
  });

  /** （… never closed: the aside runs to the sentence's stop */
  openAside = this.RULE('openAside', () => {
    this.CONSUME(LBracketOpen);
    this.OPTION(() => this.SUBRULE(this.body));
  });

  /** parts separated by one separator: a part, then (separator, part?)*; or separators first (，，甲) */
  private separatedBy(separator: TokenType, part: ParserMethod<[], CstNode>): void {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(part);
          this.MANY(() => {
            this.CONSUME(separator);
            this.OPTION(() => this.SUBRULE2(part));
          });
        },
      },
      {
        ALT: () => this.AT_LEAST_ONE(() => {
          this.CONSUME2(separator);
          this.OPTION2(() => this.SUBRULE3(part));
        }),
      },
    ]);
  }
}

/** The one parser instance, reused. */
export const phraseParser = new PhraseParser();
