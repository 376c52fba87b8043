// Grammar of outline numbering at the start of a line: 一、 （一） 1. 1、 （1） 1） ①. Grammar only; meaning lives in src/model/prose/outline.ts.
import { createToken, Lexer, CstParser, lexerOptions, parserOptions, type TokenType } from './chevrotain.js';
import { rulePattern } from './rule-pattern.js';
import { CHINESE_ORDINAL_CHARS, DIGIT } from '../src/lexicon/index.js';

export const LParen = createToken({ name: 'LParen', pattern: /[（(]/ });
export const RParen = createToken({ name: 'RParen', pattern: /[）)]/ });
export const CnNumeral = createToken({ name: 'CnNumeral', pattern: new RegExp(`[${CHINESE_ORDINAL_CHARS}]+`) });
export const ArabicNumeral = createToken({ name: 'ArabicNumeral', pattern: new RegExp(`${DIGIT}{1,3}`) });
export const Circled = createToken({ name: 'Circled', pattern: /[①-⑳]/ });
export const Dun = createToken({ name: 'Dun', pattern: /、/ });
// A dot followed by a digit is a decimal point (1.5万元), not numbering.
export const Dot = createToken({ name: 'Dot', pattern: new RegExp(`[.．](?!${DIGIT})`) });
export const Space = createToken({ name: 'Space', pattern: /[ \t\u00a0\u3000]+/ });
export const Other = createToken({ name: 'Other', pattern: /[^]/ });

const allTokens: TokenType[] = [LParen, RParen, CnNumeral, ArabicNumeral, Circled, Dun, Dot, Space, Other];
export const outlineLexer = new Lexer(allTokens, lexerOptions);

class OutlineParser extends CstParser {
  constructor() {
    super(allTokens, { ...parserOptions, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  /** numbering: the prefix that makes a line a numbered item */
  numbering = this.RULE('numbering', () => {
    this.OPTION(() => this.CONSUME(Space));
    this.OR([
      { ALT: () => this.SUBRULE(this.parenNumber) },
      { ALT: () => this.SUBRULE(this.cnNumber) },
      { ALT: () => this.SUBRULE(this.arabicNumber) },
      { ALT: () => this.CONSUME(Circled) },
    ]);
  });

  /** （一） （1） (1) */
  parenNumber = this.RULE('parenNumber', () => {
    this.CONSUME(LParen);
    this.OPTION(() => this.CONSUME(Space));
    this.OR([{ ALT: () => this.CONSUME(CnNumeral) }, { ALT: () => this.CONSUME(ArabicNumeral) }]);
    this.OPTION2(() => this.CONSUME2(Space));
    this.CONSUME(RParen);
  });

  /** 一、 */
  cnNumber = this.RULE('cnNumber', () => {
    this.CONSUME(CnNumeral);
    this.OPTION(() => this.CONSUME(Space));
    this.CONSUME(Dun);
  });

  /** 1. 1、 1） */
  arabicNumber = this.RULE('arabicNumber', () => {
    this.CONSUME(ArabicNumeral);
    this.OPTION(() => this.CONSUME(Space));
    this.OR([
      { ALT: () => this.CONSUME(Dot) },
      { ALT: () => this.CONSUME(Dun) },
      { ALT: () => this.CONSUME(RParen) },
    ]);
  });
}

/** The one parser instance, reused for every line. */
export const outlineParser = new OutlineParser();

/**
 * The shape of a numbered line's start, derived from the numbering rule and the token patterns above: a line that
 * does not match has no numbering, and testing it first spares most lines the lexer and the parser's error path
 * (an exception per failed parse). A line that matches is still read by the parser.
 */
export const numberingShape = new RegExp(`^${rulePattern(outlineParser, 'numbering')}`);
