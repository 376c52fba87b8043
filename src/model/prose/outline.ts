// Visitor over the outline grammar: numbering → family and value; numbered lines → headings or list items; headings → a section tree.
import type { Location } from '../../findings.js';
import type { Section } from '../schema.js';
import { hasDigit, pointsSuffix } from '../../lexicon/index.js';
import { readNumbering, type Numbering, type NumberingFamily } from './numbering.js';

export { arabicItemNumber, parseNumbering, readNumbering, type Numbering, type NumberingFamily } from './numbering.js';

/** Word-processor leftovers that precede the text of a line in some conversions. */
const LEADING_NOISE = /^\s*(?:\[bookmark:[^\]]*\]\s*)*/;

export function stripLeadingNoise(line: string): string {
  return line.replace(LEADING_NOISE, '');
}

const GROUP: Record<NumberingFamily, string> = {
  'cn-dun': 'dun', 'ar-dun': 'dun', 'ar-dot': 'dun', 'cn-paren': 'paren', 'ar-paren': 'paren', 'ar-half': 'half', circled: 'circled',
};

export interface NumberedLine extends Numbering {
  /** heading title when the line is a heading (run-in headings keep only the title) */
  title?: string;
  /** the text after the numbering */
  text: string;
  heading: boolean;
}

const CLAUSE_PUNCT = /[，,；;]/;
const NOT_TITLE = /[≥≤＜＞<>%％]/;

/**
 * Decides whether a numbered line is a heading. Headings are short and title-like: no clause punctuation, no
 * comparators; a run-in heading is a short title ending in 。 followed by body text (1.数量指标。2023年…).
 * A numbered sentence (1.某镇党委是…，…。 / 1.部分项目资金支付进度滞后。) is a list item.
 */
export function classifyNumberedLine(line: string): NumberedLine | null {
  const clean = stripLeadingNoise(line);
  const numbering = readNumbering(clean);
  if (!numbering) return null;
  const text = clean.slice(numbering.textStart).trim();
  const result: NumberedLine = { ...numbering, text, heading: false };
  if (!text) return result;
  const arabic = numbering.family.startsWith('ar') || numbering.family === 'circled';
  const firstStop = text.search(/[。！？]/);
  const beforeStop = firstStop < 0 ? text : text.slice(0, firstStop);
  const afterStop = firstStop < 0 ? '' : text.slice(firstStop + 1).trim();
  const titleLike = (t: string, max: number) =>
    t.length > 0 && t.length <= max && !CLAUSE_PUNCT.test(t) && !NOT_TITLE.test(t) && !/[：:]./.test(t);
  const stripColon = (t: string) => t.replace(/[：:]\s*$/, '').trim();

  if (firstStop < 0) {
    const t = stripColon(text);
    const max = numbering.family === 'circled' ? 20 : 40;
    if (titleLike(t, max) && !(numbering.family === 'circled' && hasDigit(t))) {
      result.heading = true;
      result.title = t;
    }
  } else if (!afterStop) {
    // One sentence ending in 。: a heading when Chinese-numbered or carrying its points (决策程序（4分）。), else an item.
    const t = stripColon(beforeStop);
    if (titleLike(t, 30) && (!arabic || pointsSuffix(t) !== undefined)) {
      result.heading = true;
      result.title = t;
    }
  } else if (titleLike(beforeStop, 20) && !/[、]/.test(beforeStop)) {
    result.heading = true;
    result.title = beforeStop.trim();
  }
  return result;
}

interface OpenSection {
  section: Section;
  family: NumberingFamily;
  value: number;
}

export interface OutlineEntry {
  line: string;
  location: Location;
  /** classifyNumberedLine(line), when the caller has it already */
  numbered?: NumberedLine | null;
}

/**
 * Builds the section tree. A heading continues the list of the nearest open heading of the same family whose value
 * is one less (then of the same bracket shape: （一） and （2） mix in real reports); a first item opens a child level.
 * Also returns, for each entry index, the path of sections it falls under.
 */
export function buildOutline(entries: OutlineEntry[]): { sections: Section[]; pathOf: Section[][] } {
  const roots: Section[] = [];
  const stack: OpenSection[] = [];
  const pathOf: Section[][] = [];
  for (const entry of entries) {
    const numbered = entry.numbered !== undefined ? entry.numbered : classifyNumberedLine(entry.line);
    if (numbered?.heading && numbered.title) {
      let at = findSibling(stack, numbered, (o) => o.family === numbered.family);
      if (at < 0) at = findSibling(stack, numbered, (o) => GROUP[o.family] === GROUP[numbered.family]);
      if (at < 0 && numbered.value !== 1) {
        // A numbering slip (a skipped or repeated number): continue the nearest list of the same family.
        for (let i = stack.length - 1; i >= 0; i--) if (stack[i].family === numbered.family) { at = i; break; }
      }
      const level = at >= 0 ? at : stack.length;
      stack.length = level;
      const section: Section = {
        number: numbered.number,
        level: level + 1,
        title: numbered.title,
        location: entry.location,
        children: [],
      };
      if (level === 0) roots.push(section);
      else stack[level - 1].section.children.push(section);
      stack.push({ section, family: numbered.family, value: numbered.value });
    }
    pathOf.push(stack.map((o) => o.section));
  }
  return { sections: roots, pathOf };
}

function findSibling(stack: OpenSection[], n: Numbering, same: (o: OpenSection) => boolean): number {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (same(stack[i]) && stack[i].value === n.value - 1) return i;
  }
  return -1;
}
