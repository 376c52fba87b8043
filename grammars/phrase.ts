// Grammar of a paragraph as sentences of clauses holding quantity phrases (comparator, number, unit). Grammar only; labels and meaning come from the visitor.
import { createToken, Lexer, CstParser, type TokenType, type CustomPatternMatcherFunc } from './chevrotain.js';
import { scanQuantities, type ScannedQuantity } from './quantity-tokens.js';

/**
 * Quantities are found by scanQuantities (context rules such as 第N, 分别, years) before lexing;
 * the lexer's custom patterns consult this table so token boundaries agree with the scanner.
 */
let quantityAt = new Map<number, ScannedQuantity>();
const STRUCTURAL = /[（()）“”"‘’「」『』、，,；;：:。！？!?]/;

const matchQuantity: CustomPatternMatcherFunc = (text, offset) => {
  const q = quantityAt.get(offset);
  if (!q) return null;
  const m = [text.slice(q.start, q.end)] as unknown as RegExpExecArray;
  m.index = offset;
  m.input = text;
  return m;
};

const matchText: CustomPatternMatcherFunc = (text, offset) => {
  let end = offset;
  while (end < text.length && !STRUCTURAL.test(text[end]) && (end === offset || !quantityAt.has(end))) end++;
  if (end === offset) return null;
  const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
  m.index = offset;
  m.input = text;
  return m;
};

export const QuantityToken = createToken({ name: 'QuantityToken', pattern: matchQuantity, line_breaks: true });
export const LBracket = createToken({ name: 'LBracket', pattern: /[（(]/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /[）)]/ });
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
  QuantityToken, LBracket, RBracket, OpenQuote, CloseQuote, StraightQuote, Dun, Comma, Semicolon, Colon, Stop, Text,
];
const phraseLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

/** Lexes a paragraph; returns the tokens and the quantities they refer to (keyed by start offset). */
export function lexPhrases(text: string) {
  const found = scanQuantities(text);
  quantityAt = new Map(found.map((q) => [q.start, q]));
  try {
    const result = phraseLexer.tokenize(text);
    return { tokens: result.tokens, errors: result.errors, quantities: quantityAt };
  } finally {
    quantityAt = new Map();
  }
}

class PhraseParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  paragraph = this.RULE('paragraph', () => {
    this.MANY(() => this.SUBRULE(this.sentence));
  });

  /** a sentence ends at 。！？ (or the paragraph's end); clauses inside are split by ，；： */
  sentence = this.RULE('sentence', () => {
    this.OR([
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.SUBRULE(this.element));
          this.OPTION(() => this.CONSUME(Stop));
        },
      },
      { ALT: () => this.CONSUME2(Stop) },
    ]);
  });

  /** Brackets and quotes stay flat tokens: real text leaves them unbalanced often enough that nesting is the visitor's job. */
  element = this.RULE('element', () => {
    this.OR([
      { ALT: () => this.CONSUME(QuantityToken) },
      { ALT: () => this.CONSUME(Text) },
      { ALT: () => this.CONSUME(Dun) },
      { ALT: () => this.CONSUME(Comma) },
      { ALT: () => this.CONSUME(Semicolon) },
      { ALT: () => this.CONSUME(Colon) },
      { ALT: () => this.CONSUME(LBracket) },
      { ALT: () => this.CONSUME(RBracket) },
      { ALT: () => this.CONSUME(OpenQuote) },
      { ALT: () => this.CONSUME(CloseQuote) },
      { ALT: () => this.CONSUME(StraightQuote) },
    ]);
  });
}

/** The one parser instance, reused. */
export const phraseParser = new PhraseParser();
