// 占X的Y%: a part's share of a whole named in the label, or of the total before a 其中.
import type { ProseContext, Q } from './context.js';
import { compatible, usable } from './context.js';
import { coversWhole } from '../../../lexicon/index.js';
import { wholeBeforeMarker } from './of-which.js';
import type { Assumption, RelationOf } from '../../schema.js';

/** 占项目支出的比重 / 占总支出 / 占比 → the whole's label (empty for a bare 占比). */
export const SHARE_LABEL = /^占(.*?)(?:的)?(?:比重|比例|比)?$/;

/** The whole a share's label names (占总支出的 → 总支出; 占 / 占比 → ''). */
const wholeNamed = (share: Q) => (SHARE_LABEL.exec(share.label)?.[1] ?? '').replace(/的$/, '').replace(/^比$/, '');

export function findShares(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  type Part = { part?: Q; share: Q; whole?: Q; viaMarker: boolean; assumed?: Assumption[] };
  // Shares of one whole within one sentence form one group.
  const parts: Part[] = [];
  for (const share of qs) {
    if (share.unit !== '%' || !usable(p, share)) continue;
    const m = SHARE_LABEL.exec(share.label);
    if (!m) continue;
    const wholeLabel = wholeNamed(share);
    const idx = qs.indexOf(share);
    const prev = qs[idx - 1];
    // A list of shares (A、B分别为a和b，占X的p%和q%) pairs them by position: the amount before p% is not its part.
    const next = qs[idx + 1];
    if (next && next.unit === '%' && /^\s*[、和及与]\s*$/.test(p.text.slice(share.end, next.start))) continue;
    const part = prev && prev.sentence === share.sentence && prev.unit !== '%' && usable(p, prev) && prev.clause >= share.clause - 2 ? prev : undefined;
    let whole: Q | undefined;
    let viaMarker = false;
    let assumed: Assumption[] | undefined;
    if (wholeLabel) whole = ctx.findByLabel(i, wholeLabel, share.start);
    else if (part) {
      const listed = wholeBeforeMarker(ctx, part);
      whole = listed?.total;
      assumed = listed?.assumed;
      viaMarker = whole !== undefined;
    }
    if (whole && part && !compatible(whole, part)) continue;
    parts.push({ part, share, whole, viaMarker, assumed });
  }
  // Group consecutive shares of the same whole.
  const groups: Part[][] = [];
  for (const part of parts) {
    const g = groups[groups.length - 1];
    if (g && g[0].whole === part.whole && g[0].whole !== undefined && g[0].share.sentence === part.share.sentence) g.push(part);
    else groups.push([part]);
  }
  // 基本支出A，占p%；项目支出B，占q% (or 占总支出的p%, …的q% with no 总支出 stated): no whole amount, but parts whose
  // names cover it are held to 100% together
  const unstated = parts.filter((x) => !x.whole && x.part);
  for (const sentence of new Set(unstated.map((x) => x.share.sentence))) {
    const g = unstated.filter((x) => x.share.sentence === sentence);
    if (g.length < 2 || parts.some((x) => x.share.sentence === sentence && !g.includes(x)) || !coversWhole(g.map((x) => x.part!.label))) continue;
    // the whole named once and then left out (占总支出的p%，…，占q%) is still one whole
    if (new Set(g.map((x) => wholeNamed(x.share)).filter(Boolean)).size > 1) continue;
    ctx.push({
      kind: 'share',
      parts: g.map((x) => ({ part: ctx.q(x.part!), share: ctx.q(x.share) })),
      complete: true,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(g[0].share).text.trim(),
    });
  }
  for (const g of groups) {
    const whole = g[0].whole;
    if (!whole || g.some((x) => !x.part)) continue;
    // Held to 100% when the parts' names cover the whole (其他…, 基本支出 and 项目支出); never decided by the numbers.
    const complete = g.length >= 2 && coversWhole(g.map((x) => x.part!.label));
    // the whole of a 其中 list taken by its place (among the amounts of a reason clause, …) can only warn
    const assumed = g[0].assumed ?? [];
    ctx.push({
      kind: 'share',
      whole: ctx.q(whole),
      parts: g.map((x) => ({ part: ctx.q(x.part!), share: ctx.q(x.share) })),
      complete,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(g[0].share).text.trim(),
      ...(assumed.length ? { assumed } : {}),
    });
  }
}

/**
 * 分别占X的p%和q% / 分别占p%、q% / 分别为A和B，占X的p%和q%: the shares of the amounts listed right before, paired by
 * position.
 */
const RESPECTIVELY = /^分别/;
const NEXT_SHARE = /^\s*[、和及与]\s*$/;
const NEXT_PART = /^[^。；;]*$/;
const AMOUNTS_RESPECTIVELY = /分别(?:为|是)[：:]?\s*$/;

/**
 * A run of shares after 分别占, one per amount of the run of amounts right before it (人员经费800万元、公用经费100万元，
 * 分别占基本支出的88.9%和11.1%): as many amounts as shares, nothing but words and separators between them. Their whole
 * is the one the label names, or the whole of the list the amounts are parts of.
 */
export function findRespectiveShares(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  qs.forEach((first, k) => {
    const respectively = RESPECTIVELY.test(first.label);
    const m = first.unit === '%' ? SHARE_LABEL.exec(first.label.replace(RESPECTIVELY, '')) : null;
    if (!m || !usable(p, first)) return;
    const shares = [first];
    for (let j = k + 1; j < qs.length && qs[j].unit === '%' && NEXT_SHARE.test(p.text.slice(qs[j - 1].end, qs[j].numberStart)); j++) shares.push(qs[j]);
    const before = qs.slice(0, k).filter((q) => q.sentence === first.sentence && !q.year);
    const parts = before.slice(-shares.length);
    if (shares.length < 2 || parts.length !== shares.length || before.length > parts.length && before[before.length - parts.length - 1].unit === '%') return;
    // 分别 before the amounts instead (A、B分别为X万元和Y万元，占本年支出的p%和q%)
    if (!respectively && !AMOUNTS_RESPECTIVELY.test(p.text.slice(0, parts[0].numberStart))) return;
    if (parts.some((q, j) => q.unit === '%' || q.bracketDepth !== 0 || !usable(p, q) || !compatible(parts[0], q)
      || !NEXT_PART.test(p.text.slice(q.end, (parts[j + 1] ?? first).numberStart)))) return;
    const wholeLabel = m[1].replace(/的$/, '');
    // the list's whole, when the label names none or names it (基本支出合计900万元，其中…，分别占基本支出的…)
    const listed = wholeBeforeMarker(ctx, parts[0]);
    const ofList = listed && parts.every((q) => wholeBeforeMarker(ctx, q)?.total === listed.total) && (!wholeLabel || listed.total.label.includes(wholeLabel)) ? listed : undefined;
    const whole = ofList?.total ?? (wholeLabel ? ctx.findByLabel(i, wholeLabel, parts[0].start) : undefined);
    if (!whole || parts.some((q) => !compatible(whole, q))) return;
    const assumed = ofList?.assumed ?? [];
    ctx.push({
      kind: 'share',
      whole: ctx.q(whole),
      parts: parts.map((q, j) => ({ part: ctx.q(q), share: ctx.q(shares[j]) })),
      complete: coversWhole(parts.map((q) => q.label)),
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(first).text.trim(),
      ...(assumed.length ? { assumed } : {}),
    });
  });
}

/**
 * One share per paragraph, paragraph after paragraph, of the same whole (①财政拨款收入…占总收入的35.39%。
 * ②教育事业收入…占总收入的20.74%。…): when the parts' names cover the whole, their shares add up to 100%.
 */
export function findShareRuns(ctx: ProseContext) {
  const single = ctx.relations.filter((r): r is RelationOf<'share'> => r.kind === 'share' && r.parts.length === 1 && r.whole !== undefined);
  const same = (a: RelationOf<'share'>, b: RelationOf<'share'>) => a.whole!.value === b.whole!.value && a.whole!.raw === b.whole!.raw
    && a.whole!.location.block === b.whole!.location.block;
  let run: Array<RelationOf<'share'>> = [];
  const flush = () => {
    const labels = run.map((r) => r.parts[0].part?.label ?? '');
    // The whole's own list of parts (总收入X，其中：A、B、C、D), when it has one, says how many the run must hold.
    const whole = run[0]?.whole;
    const listed = ctx.relations.find((r) => r.kind === 'sum' && whole && r.total.raw === whole.raw && r.total.location.block === whole.location.block);
    const fits = !listed || (listed.kind === 'sum' && listed.parts.length === run.length);
    if (run.length >= 2 && fits && coversWhole(labels) && new Set(labels).size === run.length) {
      ctx.push({ kind: 'share', parts: run.map((r) => r.parts[0]), complete: true, location: run[0].location, evidence: run.map((r) => r.evidence).join('') });
    }
    run = [];
  };
  const indexOf = (r: RelationOf<'share'>) => ctx.paragraphs.findIndex((p) => p.location === r.location);
  const shareBlocks = new Set(ctx.relations.filter((r) => r.kind === 'share').map((r) => r.location.block));
  // The next paragraph, or one after a continuation line or two (a PDF line break) that is no heading and no share.
  const follows = (a: RelationOf<'share'>, b: RelationOf<'share'>) => {
    const from = indexOf(a);
    const to = indexOf(b);
    if (to <= from || to - from > 3) return false;
    return ctx.paragraphs.slice(from + 1, to).every((p) => !p.numbered?.heading && !shareBlocks.has(p.location.block));
  };
  for (const r of single) {
    const last = run[run.length - 1];
    const adjacent = last && same(last, r) && follows(last, r);
    if (!adjacent) flush();
    run.push(r);
  }
  flush();
}
