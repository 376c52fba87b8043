// Punctuation that structures the genre's sentences: brackets around asides and the ranks of list separators.

export const OPEN_BRACKETS = '（(';
export const CLOSE_BRACKETS = '）)';

/** How a character changes the bracket depth: +1 opening, −1 closing, 0 otherwise. */
export function bracketStep(ch: string): 1 | -1 | 0 {
  if (OPEN_BRACKETS.includes(ch)) return 1;
  if (CLOSE_BRACKETS.includes(ch)) return -1;
  return 0;
}

/** The text with what is inside brackets blanked out (□), so a word in an aside is not taken for one of the sentence. */
export function outsideBrackets(text: string): string {
  let depth = 0;
  return [...text].map((c) => {
    const step = bracketStep(c);
    if (step === 1) depth++;
    else if (step === -1) depth = Math.max(0, depth - 1);
    else if (depth > 0) return '□';
    return c;
  }).join('');
}

/**
 * Each bracket's part in the text: a pair ('open' … 'close', innermost first, as a stack pairs them), or an opening
 * bracket never closed ('unclosed'). A closing bracket with no opening is none of these: plain text.
 */
export function bracketPairs(text: string): Map<number, 'open' | 'close' | 'unclosed'> {
  const out = new Map<number, 'open' | 'close' | 'unclosed'>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const step = bracketStep(text[i]);
    if (step === 1) stack.push(i);
    else if (step === -1 && stack.length) {
      out.set(stack.pop()!, 'open');
      out.set(i, 'close');
    }
  }
  for (const i of stack) out.set(i, 'unclosed');
  return out;
}

const ASIDE = /[（(][^（()）]*[）)]/g;

/**
 * The text without its bracketed asides: 行政编制（含工勤编制）人员 → 行政编制人员. One pass removes the innermost
 * asides; `nested` repeats until none is left (督查室（中共…（…）督查室） → 督查室).
 */
export function withoutAsides(text: string, nested = false): string {
  let s = text.replace(ASIDE, '');
  if (nested) for (let prev = text; prev !== s;) { prev = s; s = s.replace(ASIDE, ''); }
  return s;
}

/** The text with every aside blanked character for character (□), so offsets stay where they were. */
export function maskAsides(text: string): string {
  return text.replace(ASIDE, (m) => '□'.repeat(m.length));
}

/**
 * List separators by rank: a list separated by one ends at a stronger one (a 、 list at ，, a ， list at ；).
 * The colon is strongest: it introduces a list rather than separating its items.
 */
export const SEPARATOR_RANK: Readonly<Record<string, number>> = { '、': 1, '，': 2, ',': 2, '；': 3, ';': 3, '：': 4, ':': 4 };

/** The rank of a separator (0 for a character that separates nothing); the colon counts only when asked for. */
export function separatorRank(ch: string, withColon = true): number {
  const rank = SEPARATOR_RANK[ch] ?? 0;
  return !withColon && rank === SEPARATOR_RANK['：'] ? 0 : rank;
}

/** The rank of the last list separator (、 ， ；) in a stretch of text; 0 when there is none. */
export function lastSeparatorRank(text: string): number {
  const ranks = [...text].map((c) => separatorRank(c, false)).filter((r) => r > 0);
  return ranks.length ? ranks[ranks.length - 1] : 0;
}

/** Text that stops on a separator (…；, …，) rather than a full stop: what follows was cut, or the sentence goes on. */
export function stopsOnSeparator(text: string): boolean {
  return /[；;，,、：:]$/.test(withoutAsides(text, true).trim());
}
