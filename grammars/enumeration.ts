// Grammar of an enumeration after its introducer (分别是/具体为/包括/：): items split by 、，；, bracketed aliases kept inside an item.
import { createToken, Lexer, CstParser, lexerOptions, parserOptions, type TokenType } from './chevrotain.js';

export const EnumLParen = createToken({ name: 'EnumLParen', pattern: /[（(]/ });
export const EnumRParen = createToken({ name: 'EnumRParen', pattern: /[）)]/ });
export const EnumColon = createToken({ name: 'EnumColon', pattern: /[：:]/ });
export const EnumDun = createToken({ name: 'EnumDun', pattern: /、/ });
export const EnumComma = createToken({ name: 'EnumComma', pattern: /[，,]/ });
export const EnumSemi = createToken({ name: 'EnumSemi', pattern: /[；;]/ });
export const EnumStop = createToken({ name: 'EnumStop', pattern: /[。！？!?]/ });
export const EnumText = createToken({ name: 'EnumText', pattern: /[^（()）：:、，,；;。！？!?]+/, line_breaks: true });

const allTokens: TokenType[] = [EnumLParen, EnumRParen, EnumColon, EnumDun, EnumComma, EnumSemi, EnumStop, EnumText];
export const enumerationLexer = new Lexer(allTokens, lexerOptions);

class EnumerationParser extends CstParser {
  constructor() {
    super(allTokens, parserOptions);
    this.performSelfAnalysis();
  }

  /** [：] item (sep item)* [。] — the visitor decides which separator closes the list */
  enumeration = this.RULE('enumeration', () => {
    this.OPTION(() => this.CONSUME(EnumColon));
    this.SUBRULE(this.item);
    this.MANY(() => {
      this.SUBRULE(this.separator);
      this.SUBRULE2(this.item);
    });
    this.OPTION2(() => this.CONSUME(EnumStop));
  });

  separator = this.RULE('separator', () => {
    this.OR([
      { ALT: () => this.CONSUME(EnumDun) },
      { ALT: () => this.CONSUME(EnumComma) },
      { ALT: () => this.CONSUME(EnumSemi) },
      { ALT: () => this.CONSUME(EnumColon) },
    ]);
  });

  /** one item: text with bracketed asides (an alias in brackets is part of the item, not an item) */
  item = this.RULE('item', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(EnumText) },
        { ALT: () => this.SUBRULE(this.bracketed) },
      ]);
    });
  });

  bracketed = this.RULE('bracketed', () => {
    this.CONSUME(EnumLParen);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(EnumText) },
        { ALT: () => this.SUBRULE(this.separator) },
        { ALT: () => this.SUBRULE(this.bracketed) },
      ]);
    });
    this.CONSUME(EnumRParen);
  });
}

/** The one parser instance, reused. */
export const enumerationParser = new EnumerationParser();
