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
 * and by sum) keeps one finding. A cross-reference between the text and a table cell is dropped when a rule finds that
 * cell wrong against its own parts and the text's figure agrees with them: the cell is the wrong number, and its
 * finding names the text's place. Information (info) is never merged.
 */
export function oneCausePerNumber(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  const byCell = new Map<string, number>();
  for (const f of findings) {
    const key = f.severity !== 'info' && f.actual !== undefined ? cellKey(f.location) : undefined;
    const at = key === undefined ? undefined : byCell.get(`${key}|${f.actual}`);
    if (at === undefined) {
      if (key !== undefined) byCell.set(`${key}|${f.actual}`, kept.length);
      kept.push(f);
      continue;
    }
    const [first, second] = before(f, kept[at]!) < 0 ? [f, kept[at]!] : [kept[at]!, f];
    kept[at] = { ...first, data: { ...first.data, alsoFoundBy: [...((first.data?.alsoFoundBy as string[]) ?? []), second.rule] } };
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
