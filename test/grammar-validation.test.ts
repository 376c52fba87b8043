// The grammars skip chevrotain's validations at run time; under test they are validated, or an error would go unseen.
import { describe, it, expect } from 'vitest';
import { createToken, CstParser, Lexer, lexerOptions, parserOptions, validateGrammars } from '../grammars/chevrotain.js';
import { outlineLexer } from '../grammars/outline.js';
import { enumerationLexer } from '../grammars/enumeration.js';

describe('grammar validation', () => {
  it('is on under test, so the grammars imported here were validated when built', () => {
    expect(validateGrammars).toBe(true);
    expect(parserOptions.skipValidations).toBe(false);
    expect(lexerOptions.skipValidations).toBe(false);
    expect(outlineLexer.lexerDefinitionErrors).toEqual([]);
    expect(enumerationLexer.lexerDefinitionErrors).toEqual([]);
  });

  it('rejects an ambiguous grammar built with the grammars\' options', () => {
    const A = createToken({ name: 'A', pattern: /a/ });
    class Ambiguous extends CstParser {
      constructor() {
        super([A], parserOptions);
        this.performSelfAnalysis();
      }
      // two alternatives that both start with A: chevrotain's validation reports the ambiguity
      top = this.RULE('top', () => {
        this.OR([{ ALT: () => this.CONSUME(A) }, { ALT: () => this.CONSUME2(A) }]);
      });
    }
    expect(() => new Ambiguous()).toThrow(/Ambiguous Alternatives/);
  });

  it('rejects a lexer whose token can never match, built with the grammars\' options', () => {
    const Word = createToken({ name: 'Word', pattern: /[a-z]+/ });
    const Keyword = createToken({ name: 'Keyword', pattern: /if/ }); // shadowed by Word, listed first
    expect(() => new Lexer([Word, Keyword], lexerOptions)).toThrow(/unreachable|can never be matched/i);
  });
});
