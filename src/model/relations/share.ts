// 占X的Y%: a part's share of a whole named in the label, or of the total before a 其中.
import type { ProseContext, Q } from './context.js';
import { compatible, usable } from './context.js';

/** 占项目支出的比重 / 占总支出 / 占比 → the whole's label (empty for a bare 占比). */
export const SHARE_LABEL = /^占(.*?)(?:的)?(?:比重|比例|比)?$/;

export function findShares(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  type Part = { part?: Q; share: Q; whole?: Q; viaMarker: boolean };
  // Shares of one whole within one sentence form one group.
  const parts: Part[] = [];
  for (const share of qs) {
    if (share.unit !== '%' || !usable(p, share)) continue;
    const m = SHARE_LABEL.exec(share.label);
    if (!m) continue;
    const wholeLabel = m[1].replace(/的$/, '');
    const idx = qs.indexOf(share);
    const prev = qs[idx - 1];
    const part = prev && prev.sentence === share.sentence && prev.unit !== '%' && usable(p, prev) && prev.clause >= share.clause - 1 ? prev : undefined;
    let whole: Q | undefined;
    let viaMarker = false;
    if (wholeLabel && wholeLabel !== '比') whole = ctx.findByLabel(i, wholeLabel, share.start);
    else if (part) {
      whole = ctx.totalBeforeMarker(i, part);
      viaMarker = whole !== undefined;
    }
    if (whole && part && !compatible(whole, part)) continue;
    parts.push({ part, share, whole, viaMarker });
  }
  // Group consecutive shares of the same whole.
  const groups: Part[][] = [];
  for (const part of parts) {
    const g = groups[groups.length - 1];
    if (g && g[0].whole === part.whole && g[0].whole !== undefined && g[0].share.sentence === part.share.sentence) g.push(part);
    else groups.push([part]);
  }
  for (const g of groups) {
    const whole = g[0].whole;
    if (!whole || g.some((x) => !x.part)) continue;
    const shareSum = g.reduce((s, x) => s + x.share.value, 0);
    const partSum = g.reduce((s, x) => s + x.part!.value, 0);
    // Meant to cover the whole when the stated figures nearly do; a partial breakdown is not held to 100%.
    const complete = g.length >= 2 && (Math.abs(shareSum - 100) <= 1 || Math.abs(partSum - whole.value) <= whole.value * 0.005);
    ctx.push({
      kind: 'share',
      whole: ctx.q(whole),
      parts: g.map((x) => ({ part: ctx.q(x.part!), share: ctx.q(x.share) })),
      complete,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(g[0].share).text.trim(),
    });
  }
}
