// 合计 = 各部分之和 (money, counts and points). A list introduced by 其中/含 may be incomplete: falling short is a warning.
import { defineCheck, assess, w, type CheckContext, type Issue } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import type { Quantity, RelationOf } from '../model/schema.js';
import type { Location } from '../findings.js';
import {
  atFinestPrecision, commonFactors, consistency, formatNumber, intervalOf, isUsable, point, rounded, scale, sum, type Interval,
} from '../precision.js';

type Sum = RelationOf<'sum'>;
type Outcome = { r: Sum; issue: Issue<SumMessage>; error: boolean };
type SumMessage = 'mismatch' | 'truncated' | 'incomplete' | 'exceeds';
type Ctx = Pick<CheckContext<unknown>, 'rounding'>;

export default defineCheck({
  id: 'sum',
  severity: 'error',
  description: { zh: '合计数与各分项之和不符', en: 'a total does not equal the sum of its parts' },
  formula: '合计 = Σ 分项（“其中”所列可少于合计，不可多于合计）',
  reads: { relations: ['sum'] },
  messages: {
    ...comparisonMessages({ zh: '{total}', en: '{total}' }),
    incomplete: {
      zh: '{total}为 {actual}，所列各项之和为 {expected}（{formula}），少 {difference}；所列项目可能不全，请核对',
      en: '{total} is {actual} but the listed parts add up to {expected} ({formula}), {difference} short; the list may be incomplete',
    },
    exceeds: {
      zh: '所列各项之和 {expected}（{formula}）超过{total} {actual}，多 {difference}',
      en: 'the listed parts add up to {expected} ({formula}), {difference} more than {total} {actual}',
    },
  },
  *run({ relations }, ctx) {
    const failing: Outcome[] = [];
    for (const r of relations) {
      const outcome = judge(r, ctx);
      if (outcome) failing.push(outcome);
    }
    // One wrong cell of a table breaks every total it stands in (its row's and its column's): reported once, at it.
    const { issues, explained } = sharedCells(failing, ctx);
    yield* issues;
    for (const f of failing) if (!explained.has(f)) yield f.issue;
  },
});

function judge(r: Sum, ctx: Ctx): Outcome | undefined {
  const { total } = r;
  if (!isUsable(total) || r.parts.length === 0 || !r.parts.every(isUsable)) return undefined;
  const units = commonFactors([total, ...r.parts]);
  if (!units) return undefined;
  const [tf, ...pf] = units.factors;
  // Counts and points awarded without decimals are whole: 10 分 is 10, not [9.5, 10.5).
  const counted = units.dimension === 'count' || units.dimension === 'score';
  const interval = (q: Quantity, f: number) => (counted && q.decimals === 0 ? scale(point(q.value), f) : intervalOf(q, f));
  const parts = atFinestPrecision(r.parts, [total]);
  const computed = sum(parts.map((p, i) => interval(p, pf[i])));
  const estimate = r.parts.reduce((a, p, i) => a + p.value * pf[i], 0);
  const sameUnit = pf.every((f) => f === tf); // 个 and 人 are both plain counts: digits suffice
  const formula = sumFormula(r.parts.map((p) => (sameUnit ? w(p) : p.raw)));
  const { outcome, issue } = assess(ctx, {
    stated: total, factor: tf, exact: counted && total.decimals === 0, computed, estimate, formula,
    evidence: r.evidence, location: total.location ?? r.location, data: { total: total.label ?? { zh: '合计', en: 'the total' } },
    assumed: r.assumed,
  });
  if (outcome === 'ok' || !issue) return undefined;
  if (r.exhaustive || outcome === 'truncated') return { r, issue: issue as Issue<SumMessage>, error: outcome === 'mismatch' };
  const decimals = Math.max(total.decimals, ...r.parts.map((p) => p.decimals));
  const difference = formatNumber(Math.abs(total.value * tf - estimate) / tf, decimals) + (total.unit ?? '');
  // signed: a negative total (a change column) falls short when its parts are smaller in size
  const short = Math.abs(estimate) < Math.abs(total.value * tf);
  return {
    r, error: !short,
    issue: {
      ...issue,
      messageId: short ? 'incomplete' : 'exceeds',
      severity: short ? 'warning' : 'error',
      expected: formatNumber(estimate / tf, decimals) + (total.unit ?? ''),
      data: { ...issue.data, difference },
    },
  };
}

/** Terms as one sum, a term taken away written as a subtraction: 2017年度 − 2016年度 (111 − 40), never 111 + −40. */
function sumFormula(terms: string[]): string {
  return terms.map((t, i) => (i === 0 ? t : /^[−-]/.test(t) ? `− ${t.slice(1)}` : `+ ${t}`)).join(' ');
}
const negated = (text: string) => (/^[−-]/.test(text) ? text.slice(1) : `−${text}`);

const keyOf = (l: Location) => [l.file, l.sheet, l.block, l.row, l.col].join('|');
/** A part written as a cell taken away (本年 − 上年: the 上年 cell negated). */
const signOf = (q: Quantity) => (q.raw.startsWith('−') ? -1 : 1);

/**
 * Failing totals of a table that share one cell, where a single value of that cell makes them all hold: that cell is
 * the wrong one. Reported once, at the cell, with the value its first total asks for; those totals say nothing more.
 * Only stated table sums that are errors take part (an open list's shortfall says nothing about one cell).
 */
function sharedCells(failing: Outcome[], ctx: Ctx): { issues: Array<Issue<SumMessage>>; explained: Set<Outcome> } {
  const issues: Array<Issue<SumMessage>> = [];
  const explained = new Set<Outcome>();
  const candidates = failing.filter((f) => f.error && f.r.exhaustive && !f.r.assumed?.length && f.r.total.location.row !== undefined);
  const byCell = new Map<string, Array<{ f: Outcome; q: Quantity; role: 'total' | 'part' }>>();
  for (const f of candidates) {
    for (const [q, role] of [[f.r.total, 'total'], ...f.r.parts.map((p) => [p, 'part'])] as Array<[Quantity, 'total' | 'part']>) {
      if (q.location.row === undefined) continue;
      const k = keyOf(q.location);
      byCell.set(k, [...(byCell.get(k) ?? []), { f, q, role }]);
    }
  }
  for (const uses of byCell.values()) {
    const owners = [...new Set(uses.map((u) => u.f))];
    if (owners.length < 2 || owners.some((o) => explained.has(o))) continue;
    const first = uses[0];
    const cell = first.role === 'total' ? first.q : { ...first.q, value: signOf(first.q) * first.q.value, raw: first.q.raw.replace(/^−/, '') };
    const others = first.f.r.parts.filter((p) => p !== first.q);
    const value = first.role === 'total'
      ? first.f.r.parts.reduce((a, p) => a + p.value, 0)
      : signOf(first.q) * (first.f.r.total.value - others.reduce((a, p) => a + p.value, 0));
    const decimals = Math.max(cell.decimals, ...[first.f.r.total, ...first.f.r.parts].map((q) => q.decimals));
    const candidate = Number(value.toFixed(decimals));
    if (!owners.every((o) => holdsWith(o.r, uses.filter((u) => u.f === o), candidate, decimals))) continue;
    const formula = sumFormula(first.role === 'total'
      ? first.f.r.parts.map((p) => w(p))
      : [w(first.f.r.total), ...others.map((p) => negated(w(p)))]);
    const issue: Issue<SumMessage> = {
      messageId: 'mismatch', location: cell.location, evidence: first.f.r.evidence,
      expected: formatNumber(candidate, decimals) + (cell.unit ?? ''), actual: cell.raw,
      data: { total: cell.label ?? { zh: '合计', en: 'the total' }, formula, stated: w(cell), operandOf: owners.map((o) => o.r.total.raw) },
    };
    void ctx;
    issues.push(issue);
    for (const o of owners) explained.add(o);
  }
  return { issues, explained };
}

/** Whether a sum holds once the shared cell reads `value` (the other operands at their written precision). */
function holdsWith(r: Sum, uses: Array<{ q: Quantity; role: 'total' | 'part' }>, value: number, decimals: number): boolean {
  const asCell: Interval = rounded(value, decimals);
  const isShared = (q: Quantity) => uses.some((u) => u.q === q);
  const parts = atFinestPrecision(r.parts, [r.total]);
  const computed = sum(parts.map((p, i) => (isShared(r.parts[i]) ? scale(asCell, signOf(r.parts[i])) : intervalOf({ ...p, unit: undefined }))));
  if (uses.some((u) => u.role === 'total')) {
    const c = sum(parts.map((p) => intervalOf({ ...p, unit: undefined })));
    return consistency(c, value, decimals) === 'consistent';
  }
  return consistency(computed, r.total.value, r.total.decimals) === 'consistent';
}
