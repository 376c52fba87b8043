// Writes Word's automatic numbering ("一、", "（一）", "1.") into the paragraph text, because mammoth turns
// numbered paragraphs into bare list items and the outline labels that sections and lists depend on would be lost.
import { attributes, balanced } from './docx-package.js';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
}

interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  instances: Map<string, NumberingInstance>;
}

interface NumberRef {
  numId: string;
  ilvl: number;
}

const startTags = new Map<string, RegExp>();
const first = (xml: string, tag: string): string | undefined => {
  let re = startTags.get(tag);
  if (!re) startTags.set(tag, re = new RegExp(`<${tag}\\b[^>]*>`));
  return xml.match(re)?.[0];
};
const val = (xml: string, tag: string): string | undefined => {
  const el = first(xml, tag);
  return el ? attributes(el)['w:val'] : undefined;
};

export function parseNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*(?<!\/)>[\s\S]*?<\/w:abstractNum>/g)) {
    const id = attributes(first(m[0], 'w:abstractNum') ?? '')['w:abstractNumId'];
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of m[0].matchAll(/<w:lvl\b[^>]*(?<!\/)>[\s\S]*?<\/w:lvl>/g)) {
      const ilvl = Number(attributes(first(l[0], 'w:lvl') ?? '')['w:ilvl']);
      if (!Number.isInteger(ilvl)) continue;
      const legal = first(l[0], 'w:isLgl');
      levels.set(ilvl, {
        start: Number(val(l[0], 'w:start') ?? 1) || 0,
        format: val(l[0], 'w:numFmt') ?? 'decimal',
        text: val(l[0], 'w:lvlText') ?? '',
        suffix: val(l[0], 'w:suff') ?? 'tab',
        legal: legal !== undefined && attributes(legal)['w:val'] !== '0' && attributes(legal)['w:val'] !== 'false',
      });
    }
    abstracts.set(id, levels);
  }
  const instances = new Map<string, NumberingInstance>();
  for (const m of xml.matchAll(/<w:num\b[^>]*(?<!\/)>[\s\S]*?<\/w:num>/g)) {
    const numId = attributes(first(m[0], 'w:num') ?? '')['w:numId'];
    const abstractId = val(m[0], 'w:abstractNumId');
    if (numId === undefined || abstractId === undefined) continue;
    const startOverrides = new Map<number, number>();
    for (const o of m[0].matchAll(/<w:lvlOverride\b[^>]*(?<!\/)>[\s\S]*?<\/w:lvlOverride>/g)) {
      const ilvl = Number(attributes(first(o[0], 'w:lvlOverride') ?? '')['w:ilvl']);
      const start = val(o[0], 'w:startOverride');
      if (Number.isInteger(ilvl) && start !== undefined) startOverrides.set(ilvl, Number(start) || 0);
    }
    instances.set(numId, { abstractId, startOverrides });
  }
  return { abstracts, instances };
}

function numPrOf(xml: string): { numId?: string; ilvl?: number } | undefined {
  const numPr = xml.match(/<w:numPr\b[^>]*(?<!\/)>[\s\S]*?<\/w:numPr>/)?.[0];
  if (!numPr) return undefined;
  const ilvl = val(numPr, 'w:ilvl');
  return { numId: val(numPr, 'w:numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl) };
}

/** Numbering that paragraph styles carry, following basedOn chains. */
export function styleNumbering(stylesXml: string): Map<string, NumberRef> {
  const own = new Map<string, { numPr?: { numId?: string; ilvl?: number }; basedOn?: string }>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*(?<!\/)>[\s\S]*?<\/w:style>/g)) {
    const a = attributes(first(m[0], 'w:style') ?? '');
    if (a['w:type'] !== 'paragraph' || !a['w:styleId']) continue;
    own.set(a['w:styleId'], { numPr: numPrOf(m[0]), basedOn: val(m[0], 'w:basedOn') });
  }
  const resolved = new Map<string, NumberRef>();
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let s: string | undefined = id; s && !seen.has(s); s = own.get(s)?.basedOn) {
      seen.add(s);
      const numPr = own.get(s)?.numPr;
      numId ??= numPr?.numId;
      ilvl ??= numPr?.ilvl;
    }
    if (numId !== undefined && numId !== '0') resolved.set(id, { numId, ilvl: ilvl ?? 0 });
  }
  return resolved;
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_TRADITIONAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function chineseNumber(n: number, digits: string): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const parts: string[] = [];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) { zero = true; continue; }
    if (zero && parts.length) parts.push(digits[0]);
    zero = false;
    // 十一 rather than 一十一 for 10–19.
    parts.push(d === 1 && unit === '十' && i === 0 ? unit : digits[d] + unit);
  }
  return parts.join('');
}

function letters(n: number, base: string): string {
  if (n <= 0) return String(n);
  const letter = base[(n - 1) % 26];
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return chineseNumber(n, CN_DIGITS);
    case 'chineseLegalSimplified': case 'ideographLegalTraditional': case 'japaneseLegal':
      return chineseNumber(n, CN_TRADITIONAL_DIGITS);
    case 'ideographTraditional': return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case 'ideographZodiac': return n >= 1 && n <= 12 ? EARTHLY_BRANCHES[n - 1] : String(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return `(${n})`;
    case 'decimalEnclosedFullstop': return `${n}.`;
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'upperLetter': return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter': return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'none': return '';
    default: return String(n);
  }
}

// A paragraph's start tag and its properties (self-closing, or up to the closing tag past any tracked change).
const PARAGRAPH_START = /<w:p(?:\s[^>]*)?(?<!\/)>(\s*(?:<w:pPr(?:\s[^>]*)?\/>|<w:pPr(?:\s[^>]*)?>(?:<w:pPrChange\b[\s\S]*?<\/w:pPrChange>|[\s\S])*?<\/w:pPr>))?/g;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Inserts each numbered paragraph's label as its first run. Counters follow Word: instances of one abstract
 * numbering share counters, a start override restarts them, and a level restarts after any shallower level.
 * Bullets are left out: they carry no outline meaning.
 */
export function writeNumberingLabels(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): string {
  if (!numberingXml || !balanced(documentXml, 'w:pPr') || !balanced(documentXml, 'w:pPrChange')) return documentXml;
  if (!['w:abstractNum', 'w:num', 'w:lvl', 'w:lvlOverride', 'w:numPr'].every((tag) => balanced(numberingXml, tag))) return documentXml;
  const numbering = parseNumbering(numberingXml);
  if (numbering.instances.size === 0) return documentXml;
  const stylesUsable = stylesXml !== undefined && ['w:style', 'w:numPr'].every((tag) => balanced(stylesXml, tag));
  const byStyle = stylesUsable ? styleNumbering(stylesXml) : new Map<string, NumberRef>();
  const counters = new Map<string, Array<number | undefined>>();
  const overridden = new Set<string>();

  return documentXml.replace(PARAGRAPH_START, (open, pPrWithChanges: string | undefined) => {
    if (!pPrWithChanges) return open;
    // A tracked change keeps the old properties inside pPr; only the current ones count.
    const pPr = pPrWithChanges.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '');
    const direct = numPrOf(pPr);
    const style = val(pPr, 'w:pStyle');
    const fromStyle = style ? byStyle.get(style) : undefined;
    const numId = direct?.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return open;
    const ilvl = direct?.ilvl ?? fromStyle?.ilvl ?? 0;
    const instance = numbering.instances.get(numId);
    const levels = instance ? numbering.abstracts.get(instance.abstractId) : undefined;
    const level = levels?.get(ilvl);
    if (!instance || !levels || !level || ilvl < 0 || ilvl > 8) return open;

    const counts = counters.get(instance.abstractId) ?? [];
    counters.set(instance.abstractId, counts);
    if (!overridden.has(numId)) {
      overridden.add(numId);
      for (const [l, start] of instance.startOverrides) counts[l] = start - 1;
    }
    const startOf = (l: number): number => instance.startOverrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = (counts[ilvl] ?? startOf(ilvl) - 1) + 1;
    for (let l = ilvl + 1; l < 9; l++) counts[l] = undefined;
    if (level.format === 'bullet') return open;

    const label = level.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const n = counts[l] ?? startOf(l);
      const format = level.legal ? 'decimal' : (levels.get(l)?.format ?? 'decimal');
      return formatNumber(n, format);
    });
    if (!label) return open;
    const separator = level.suffix === 'nothing' ? '' : ' ';
    return `${open}<w:r><w:t xml:space="preserve">${escapeXml(label + separator)}</w:t></w:r>`;
  });
}
