// Visitor over the outline grammar's numbering: 一、 （一） 1. 1、 1） （1） ① → family, value and where the text starts.
import type { IToken } from 'chevrotain';
import { numberingShape, outlineLexer, outlineParser } from '../../../grammars/outline.js';
import type {
  ArabicNumberCstChildren, CnNumberCstChildren, ICstNodeVisitor, NumberingCstChildren, ParenNumberCstChildren,
} from '../../../grammars/outline.cst.js';
import { parseChineseNumeral, parseNumber } from '../../lexicon/index.js';

export type NumberingFamily = 'cn-dun' | 'cn-paren' | 'ar-dot' | 'ar-dun' | 'ar-paren' | 'ar-half' | 'circled';

export interface Numbering {
  /** as written, trimmed: 一、 （一） 1. （1） ① */
  number: string;
  family: NumberingFamily;
  value: number;
  /** offset in the line where the text after the numbering starts */
  textStart: number;
}

/** Reads the numbering at the start of a line, or null when the line is not numbered. */
export function readNumbering(line: string): Numbering | null {
  return numberingShape.test(line) ? parseNumbering(line) : null;
}

/** The Arabic item number a text starts with (1、 2. 3）), of the given families, as the outline grammar reads it. */
export function arabicItemNumber(
  text: string,
  families: readonly NumberingFamily[] = ['ar-dot', 'ar-dun', 'ar-half'],
): Numbering | null {
  const n = readNumbering(text);
  return n && families.includes(n.family) ? n : null;
}

/** What a numbering says, read from its CST: the family, the value, and the token that ends it. */
interface NumberingReading {
  family: NumberingFamily;
  value: number | null;
  last: IToken;
}

const OutlineVisitorBase = outlineParser.getBaseCstVisitorConstructor<void, NumberingReading>();

/** Gives each numbering its family and value: （一） cn-paren 1, 3. ar-dot 3, ② circled 2. */
export class NumberingVisitor extends OutlineVisitorBase implements ICstNodeVisitor<void, NumberingReading> {
  constructor() {
    super();
    this.validateVisitor();
  }

  numbering(c: NumberingCstChildren): NumberingReading {
    if (c.parenNumber) return this.visit(c.parenNumber);
    if (c.cnNumber) return this.visit(c.cnNumber);
    if (c.arabicNumber) return this.visit(c.arabicNumber);
    const circled = c.Circled![0];
    return { family: 'circled', value: circled.image.charCodeAt(0) - '①'.charCodeAt(0) + 1, last: circled };
  }

  parenNumber(c: ParenNumberCstChildren): NumberingReading {
    if (c.CnNumeral) return { family: 'cn-paren', value: parseChineseNumeral(c.CnNumeral[0].image), last: c.RParen[0] };
    return { family: 'ar-paren', value: arabicValue(c.ArabicNumeral![0]), last: c.RParen[0] };
  }

  cnNumber(c: CnNumberCstChildren): NumberingReading {
    return { family: 'cn-dun', value: parseChineseNumeral(c.CnNumeral[0].image), last: c.Dun[0] };
  }

  arabicNumber(c: ArabicNumberCstChildren): NumberingReading {
    const family = c.Dot ? 'ar-dot' : c.Dun ? 'ar-dun' : 'ar-half';
    return { family, value: arabicValue(c.ArabicNumeral[0]), last: (c.Dot ?? c.Dun ?? c.RParen)![0] };
  }
}

const arabicValue = (t: IToken) => parseNumber(t.image)?.value ?? null;
const numberingVisitor = new NumberingVisitor();

/** The outline grammar's reading of a line's numbering; readNumbering asks it only about lines of the right shape. */
export function parseNumbering(line: string): Numbering | null {
  const lexed = outlineLexer.tokenize(line.slice(0, 16));
  // The numbering is a prefix: parse the tokens before the first ordinary character.
  let end = lexed.tokens.findIndex((t) => t.tokenType.name === 'Other');
  if (end < 0) end = lexed.tokens.length;
  while (end > 0 && lexed.tokens[end - 1].tokenType.name === 'Space') end--;
  if (end === 0) return null;
  outlineParser.input = lexed.tokens.slice(0, end);
  const cst = outlineParser.numbering();
  // Tokens after the numbering that look like numbering too (一、一般…, 1. 一季度…) are the text: the numbering is the
  // prefix the rule read, so only a failure inside it rejects the line.
  const errors = outlineParser.errors;
  if (errors.length && !(errors.length === 1 && errors[0].name === 'NotAllInputParsedException')) return null;
  const { family, value, last } = numberingVisitor.visit(cst) as NumberingReading;
  if (value === null || value < 1) return null;
  const textStart = last.startOffset + last.image.length;
  return { number: line.slice(0, textStart).trim(), family, value, textStart };
}

/**
 * The outline level a numbering family stands for, as Chinese official writing nests them: 一、 1, （一） 2, 1. / 1、 3,
 * （1） and 1） 4, ① 5. Readers give an unstyled paragraph its heading level from this, so reader and model agree.
 */
export const LEVEL_OF_FAMILY: Readonly<Record<NumberingFamily, number>> = {
  'cn-dun': 1, 'cn-paren': 2, 'ar-dot': 3, 'ar-dun': 3, 'ar-paren': 4, 'ar-half': 4, circled: 5,
};

/** The outline level a line's numbering implies, or undefined when the line is not numbered. */
export function numberingLevel(line: string): number | undefined {
  const n = readNumbering(line);
  return n ? LEVEL_OF_FAMILY[n.family] : undefined;
}
