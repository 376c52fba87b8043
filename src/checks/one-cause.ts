// One cause, one finding, on the number that is wrong: the findings of all checks on one document, reconciled.
import type { Finding, Location, Severity } from '../findings.js';

/**
 * The other place a finding names: where the same figure is stated otherwise (`value` as written there). `agrees`: that
 * figure agrees with the parts this finding's number disagrees with, so this one is the number that is wrong.
 */
export interface OtherPlace {
  location: Location;
  value: string;
  agrees?: boolean;
}

/**
 * Which rule reports a number several rules find wrong: the one whose relation is the number's own, most specific
 * first. A scoring sheet's total is score-total's before it is a column sum; a cross-reference comes last, since it
 * cannot tell which of its two places is wrong.
 */
const PRECEDENCE = [
  'score-total', 'exec-score', 'indicator-score', 'score-cap', 'weight-total', 'grade', 'rate', 'share', 'growth',
  'list-count', 'sum', 'cross-ref',
];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A table cell, exactly: findings in prose are placed by paragraph only, so two there may be two numbers. */
function cellKey(l: Location): string | undefined {
  if (l.row === undefined && l.cell === undefined) return undefined;
  return JSON.stringify([l.block, l.sheet, l.cell, l.row, l.col]);
}

/**
 * A number in prose, as far as a finding can tell: the paragraph, the rule and the value it says the number should
 * be. Two findings of one rule that state the same number wrong by the same expected value in one sentence (a total
 * whose parts are listed twice, 1493.56 + 105.82 and 1354.29 + 245.09) are one cause; findings of different rules,
 * with different expected values, or quoting different sentences may be about two numbers written alike, and stay.
 */
function proseKey(f: Finding): string | undefined {
  const l = f.location;
  if (l.block === undefined && l.paragraph === undefined) return undefined;
  return JSON.stringify(['prose', l.block, l.paragraph, l.page, f.rule, f.expected]);
}

/** Two prose findings quote the same sentence, or one quotes a part of the other's (a sentence within its paragraph). */
function sameSentence(a: Finding, b: Finding): boolean {
  const [x, y] = [a.evidence ?? '', b.evidence ?? ''];
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
}

const precedence = (f: Finding) => {
  const i = PRECEDENCE.indexOf(f.rule);
  return i < 0 ? PRECEDENCE.length : i;
};

/** The first of two findings to keep: the more severe, then the rule whose relation is the number's own. */
const before = (a: Finding, b: Finding) => RANK[b.severity] - RANK[a.severity] || precedence(a) - precedence(b);

/** The finding's computed interval (assess's lower/upper, in the unit of its stated number), if it has one. */
function computed(f: Finding): { lo: number; hi: number } | undefined {
  const lo = Number(f.data?.lower);
  const hi = Number(f.data?.upper);
  return f.data?.lower !== undefined && Number.isFinite(lo) && Number.isFinite(hi) ? { lo, hi } : undefined;
}

/**
 * The findings with each cause reported once. A table cell that several rules find wrong (a 总分 cell by score-total
 * and by sum) keeps one finding; so does a number in prose one rule finds wrong twice alike (proseKey). A cross-reference between the text and a table cell is dropped when a rule finds that
 * cell wrong against its own parts and the text's figure agrees with them: the cell is the wrong number, and its
 * finding names the text's place. Information (info) is never merged.
 */
export function oneCausePerNumber(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  const byCell = new Map<string, number>();
  for (const f of findings) {
    const key = f.severity !== 'info' && f.actual !== undefined ? cellKey(f.location) ?? proseKey(f) : undefined;
    const found = key === undefined ? undefined : byCell.get(`${key}|${f.actual}`);
    // in prose, one number only when one finding's sentence holds the other's: two sentences are two numbers
    const at = found !== undefined && (cellKey(f.location) !== undefined || sameSentence(f, kept[found]!)) ? found : undefined;
    if (at === undefined) {
      if (key !== undefined && found === undefined) byCell.set(`${key}|${f.actual}`, kept.length);
      kept.push(f);
      continue;
    }
    const [first, second] = before(f, kept[at]!) < 0 ? [f, kept[at]!] : [kept[at]!, f];
    // what the dropped finding adds: its rule, or, of the same rule, the other way its expected value was reached
    const also = first.rule === second.rule
      ? { alsoFormulas: [...((first.data?.alsoFormulas as string[]) ?? []), String(second.data?.formula ?? '')] }
      : { alsoFoundBy: [...((first.data?.alsoFoundBy as string[]) ?? []), second.rule] };
    kept[at] = { ...first, data: { ...first.data, ...also } };
  }
  const moved = new Set<number>();
  kept.forEach((f, i) => {
    const other = f.data?.other as OtherPlace | undefined;
    const range = f.data?.textRange as { lo: number; hi: number } | undefined;
    if (f.rule !== 'cross-ref' || !other || !range) return;
    const key = cellKey(other.location);
    const at = key === undefined ? -1 : kept.findIndex((g) => g.rule !== 'cross-ref' && g.severity !== 'info' && cellKey(g.location) === key);
    const parts = at < 0 ? undefined : computed(kept[at]!);
    if (!parts || range.hi < parts.lo || range.lo > parts.hi) return;
    const g = kept[at]!;
    kept[at] = { ...g, data: { ...g.data, other: { location: f.location, value: f.actual ?? '', agrees: true } satisfies OtherPlace } };
    moved.add(i);
  });
  return kept.filter((_, i) => !moved.has(i));
}
