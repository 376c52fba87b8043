// Each grammar's meaning comes from a chevrotain CST visitor that validates against its parser, over CST types kept current.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateCstDts } from '../grammars/chevrotain.js';
import { outlineLexer, outlineParser, numberingShape } from '../grammars/outline.js';
import { lexPhrases, phraseParser } from '../grammars/phrase.js';
import { enumerationLexer, enumerationParser } from '../grammars/enumeration.js';
import { rulePattern } from '../grammars/rule-pattern.js';
import { NumberingVisitor } from '../src/model/prose/numbering.js';
import { PhraseVisitor } from '../src/model/prose/phrases.js';
import { EnumerationVisitor } from '../src/model/prose/enumeration.js';

const parsers = { outline: outlineParser, phrase: phraseParser, enumeration: enumerationParser };

describe('visitors validate against their parsers', () => {
  it.each([
    ['NumberingVisitor', () => new NumberingVisitor()],
    ['PhraseVisitor', () => new PhraseVisitor()],
    ['EnumerationVisitor', () => new EnumerationVisitor()],
  ])('%s has a method for every rule', (_, make) => {
    const visitor = make();
    expect(() => visitor.validateVisitor()).not.toThrow();
  });

  it('a visitor missing a rule fails validation', () => {
    class Partial extends outlineParser.getBaseCstVisitorConstructor() {
      numbering() {}
    }
    expect(() => new Partial().validateVisitor()).toThrow(/parenNumber/);
  });
});

describe('the generated CST types are those of the grammars', () => {
  it.each(Object.keys(parsers))('grammars/%s.cst.d.ts', (name) => {
    const written = readFileSync(`grammars/${name}.cst.d.ts`, 'utf8').replace(/^\/\/.*\n/, '');
    expect(written).toBe(generateCstDts(parsers[name as keyof typeof parsers].getGAstProductions()));
  });
});

describe('NumberingVisitor', () => {
  const read = (line: string) => {
    outlineParser.input = outlineLexer.tokenize(line).tokens;
    const cst = outlineParser.numbering();
    expect(outlineParser.errors).toEqual([]);
    const { family, value, last } = new NumberingVisitor().visit(cst);
    return [family, value, last.image];
  };
  it('gives each numbering its family, its value and the token that ends it', () => {
    expect(read('（十二）')).toEqual(['cn-paren', 12, '）']);
    expect(read('(３)')).toEqual(['ar-paren', 3, ')']);
    expect(read('二十、')).toEqual(['cn-dun', 20, '、']);
    expect(read('10．')).toEqual(['ar-dot', 10, '．']);
    expect(read('4 、')).toEqual(['ar-dun', 4, '、']);
    expect(read('7）')).toEqual(['ar-half', 7, '）']);
    expect(read('⑳')).toEqual(['circled', 20, '⑳']);
  });
});

describe('PhraseVisitor', () => {
  it('splits clauses and sentences in text order and labels each quantity with its words, asides with their own', () => {
    const text = '年初预算100万元（含追加20万元、结转5万元），支出90万元。结余10万元';
    phraseParser.input = lexPhrases(text).tokens;
    const cst = phraseParser.paragraph();
    const state = {
      text, quantities: lexPhrases(text).quantities, sentences: [], all: [], sentence: null, clause: null, depth: 0,
      labelStart: 0, brackets: [],
    };
    new PhraseVisitor().visit(cst, state);
    const sentences = state.sentences as Array<{ text: string; clauses: Array<{ text: string; closer: string }> }>;
    expect(sentences.map((s) => s.clauses.map((c) => [c.text, c.closer]))).toEqual([
      [['年初预算100万元（含追加20万元、结转5万元），', '，'], ['支出90万元。', '。']],
      [['结余10万元', '']],
    ]);
    const all = state.all as Array<{ raw: string; label: string; bracketDepth: number }>;
    expect(all.map((q) => [q.raw, q.label, q.bracketDepth])).toEqual([
      ['100万元', '年初预算', 0], ['20万元', '追加', 1], ['5万元', '结转', 1], ['90万元', '支出', 0], ['10万元', '结余', 0],
    ]);
  });
});

describe('EnumerationVisitor', () => {
  it('gives each item its span, asides inside, and the separators as written', () => {
    const text = '：办公室（党建办、人事办）、财务科，信息中心';
    enumerationParser.input = enumerationLexer.tokenize(text).tokens;
    const cst = enumerationParser.enumeration();
    expect(enumerationParser.errors).toEqual([]);
    const { items, separators } = new EnumerationVisitor().visit(cst);
    expect(items.map((s: { start: number; end: number }) => text.slice(s.start, s.end))).toEqual([
      '办公室（党建办、人事办）', '财务科', '信息中心',
    ]);
    expect(separators).toEqual(['、', '，']);
  });
});

describe('rulePattern', () => {
  it('builds the numbering shape from the grammar: its tokens, options and alternatives', () => {
    for (const line of ['一、', ' （ 十二 ）', '(1)', '3 .', '4、', '5）', '①']) expect(numberingShape.test(line)).toBe(true);
    // a dot before a digit is a decimal point by the Dot token's own pattern
    for (const line of ['1.5万元', '一是', '（一', '2023年', '12345.']) expect(numberingShape.test(line)).toBe(false);
  });
  it('refuses a recursive rule rather than approximating it', () => {
    expect(() => rulePattern(enumerationParser, 'bracketed')).toThrow(/recursive/);
  });
});
