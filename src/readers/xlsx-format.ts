// Cell text as a reader sees it: simple Excel number formats applied, and numbers typed as text parsed back.

/** Drops binary floating-point noise (0.1+0.2 → 0.3) the way Excel does: 15 significant digits. */
export function clean(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/** The shortest decimal text of a number without float noise and without exponent for everyday magnitudes. */
export function generalText(n: number): string {
  const c = clean(n);
  if (Object.is(c, -0)) return '0';
  if (Math.abs(c) >= 1e-6 && Math.abs(c) < 1e21) {
    const s = String(c);
    if (!s.includes('e')) return s;
    return c.toFixed(20).replace(/\.?0+$/, '');
  }
  return String(c);
}

/** Rounds half away from zero at `decimals` places, on the 15-digit value (1.005 → 1.01 as Excel shows it). */
function roundTo(n: number, decimals: number): number {
  const c = Math.abs(clean(n));
  if (c >= 1e15) return n;
  const r = Number(Math.round(Number(`${c}e${decimals}`)) + `e-${decimals}`);
  return n < 0 ? -r : r;
}

interface NumberSection {
  prefix: string;
  suffix: string;
  /** Minimum integer digits; -1 for General inside literals, -2 for a section of literals only. */
  minInt: number;
  minDec: number;
  maxDec: number;
  thousands: boolean;
  percent: boolean;
}

/** Splits a format code into its sections on ';' outside quotes and escapes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === '\\') {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

/**
 * Parses one section of a number format into literals around a single digit pattern.
 * Returns null for what this reader does not render (dates, fractions, scientific, text '@' with literals).
 */
function parseSection(section: string): NumberSection | null {
  let literalBefore = '';
  let literalAfter = '';
  let pattern = '';
  let seenDigits = false;
  let percent = false;
  const addLiteral = (s: string) => {
    if (seenDigits) literalAfter += s;
    else literalBefore += s;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      addLiteral(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      addLiteral(section[i + 1] ?? '');
      i++;
    } else if (ch === '_') {
      // "_x" reserves the width of x: invisible padding.
      i++;
    } else if (ch === '*') {
      // "*x" repeats x to fill the column: nothing a reader needs.
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      // [$¥-804] is a currency symbol with a locale; [Red], [>=100] are colours and conditions.
      if (inner.startsWith('$')) addLiteral(inner.slice(1).split('-')[0] ?? '');
      else if (/^(h+|m+|s+)$/i.test(inner)) return null;
      i = stop;
    } else if ('0#?,.'.includes(ch)) {
      if (seenDigits && literalAfter) return null; // digits split by text: not a simple number format
      seenDigits = true;
      pattern += ch;
    } else if (ch === '%') {
      percent = true;
      addLiteral('%');
    } else if (/[eE/yYmMdDhHsSaA@gG]/.test(ch)) {
      // Scientific, fractions, dates, text placeholders and General: leave to the caller.
      if (/^general/i.test(section.slice(i))) {
        if (seenDigits) return null;
        seenDigits = true;
        pattern = 'G';
        i += 'general'.length - 1;
        continue;
      }
      return null;
    } else {
      addLiteral(ch);
    }
  }
  // A section of literals only (e.g. "-" for zero) shows just that text.
  if (!seenDigits) return { prefix: literalBefore, suffix: '', minInt: -2, minDec: 0, maxDec: 0, thousands: false, percent };
  if (pattern === 'G') return { prefix: literalBefore, suffix: literalAfter, minInt: -1, minDec: 0, maxDec: 0, thousands: false, percent };
  const dot = pattern.indexOf('.');
  const intPart = dot < 0 ? pattern : pattern.slice(0, dot);
  const decPart = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  // A trailing comma scales by 1000; too rare in these reports to be worth rendering.
  if (intPart.endsWith(',')) return null;
  return {
    prefix: literalBefore,
    suffix: literalAfter,
    minInt: (intPart.match(/0/g) ?? []).length,
    minDec: (decPart.match(/0/g) ?? []).length,
    maxDec: decPart.length,
    thousands: intPart.includes(','),
    percent,
  };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function renderSection(n: number, s: NumberSection): string {
  if (s.minInt === -2) return s.prefix;
  const scaled = s.percent ? clean(n) * 100 : n;
  if (s.minInt < 0) return s.prefix + generalText(scaled) + s.suffix;
  const rounded = roundTo(scaled, s.maxDec);
  let [intDigits, decDigits = ''] = Math.abs(rounded).toFixed(s.maxDec).split('.') as [string, string?];
  while (decDigits.length > s.minDec && decDigits.endsWith('0')) decDigits = decDigits.slice(0, -1);
  if (intDigits === '0' && s.minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(s.minInt, '0');
  if (s.thousands) intDigits = groupThousands(intDigits);
  const body = decDigits ? `${intDigits}.${decDigits}` : intDigits;
  const sign = rounded < 0 ? '-' : '';
  return sign + s.prefix + body + s.suffix;
}

/**
 * Renders a number through its cell's format code as Excel would display it, for the simple formats that
 * government forms use (fixed decimals, thousands separators, percent, currency and unit literals).
 * Anything else falls back to the plain number without float noise.
 */
export function formatNumber(n: number, code: string | undefined): string {
  if (!code || /^general$/i.test(code) || code === '@') return generalText(n);
  const sections = splitSections(code);
  // Positive;negative;zero;text — the negative section shows the absolute value with its own decoration.
  let section = sections[0]!;
  let value = n;
  if (n < 0 && sections.length >= 2 && sections[1]!.trim() !== '') {
    section = sections[1]!;
    value = -n;
  } else if (n === 0 && sections.length >= 3 && sections[2]!.trim() !== '') {
    section = sections[2]!;
  }
  // A leading condition like [>=100] selects sections by value; not rendered here.
  if (/\[[<>=]/.test(code)) return generalText(n);
  const parsed = parseSection(section);
  if (!parsed) return generalText(n);
  return renderSection(value, parsed);
}

/**
 * Parses a number typed as text the way Excel would accept it on entry: 1,059.39 / １０５９．３９ / "1 059.39" /
 * -5 / (1,234) / 88.28% (→ 0.8828). Anything with units or words is not a number and returns undefined.
 */
export function parseNumberText(text: string): number | undefined {
  let s = text.normalize('NFKC').trim();
  if (!s) return undefined;
  s = s.replace(/[−–—]/g, '-').replace(/\u00a0/g, ' ');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) { negative = true; s = paren[1]!.trim(); }
  let percent = false;
  if (s.endsWith('%')) { percent = true; s = s.slice(0, -1).trim(); }
  const m = /^([+-])?\s*(\d{1,3}(?:[, ]\d{3})+|\d+)?(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  if (m[1] === '-') negative = !negative;
  const digits = `${(m[2] ?? '0').replace(/[, ]/g, '')}.${m[3] ?? '0'}`;
  let n = Number(digits);
  if (!Number.isFinite(n)) return undefined;
  if (percent) n = clean(n / 100);
  return negative ? -n : n;
}
