// The two messages every expected-vs-actual finding shares — a mismatch, and a number consistent only when truncated —
// written once; each check names only its subject (执行率, “X”得分, 各部分占比 …).
import type { Text } from './define.js';

/**
 * The mismatch and truncated templates for a subject. Their values: {expected}, {actual}, {formula}, {computed} and
 * {where} — the text or the table, which the renderer fills from the finding's location.
 */
export function comparisonMessages(subject: Text): { mismatch: Text; truncated: Text } {
  return {
    mismatch: {
      zh: `${subject.zh}应为 {expected}（{formula}），{where}为 {actual}`,
      en: `${subject.en} should be {expected} ({formula}); {where} says {actual}`,
    },
    truncated: {
      zh: `${subject.zh}{where}为 {actual}，按 {formula} 计算为 {computed}，四舍五入应为 {expected}；{where}数字为截尾取值`,
      en: `${subject.en} is {actual} in {where}; {formula} gives {computed}, which rounds to {expected}: {where} truncates`,
    },
  };
}

/** Where a stated number stands, as the comparison messages say it. */
export const WHERE: Record<'text' | 'table', Text> = {
  text: { zh: '文中', en: 'the text' },
  table: { zh: '表中', en: 'the table' },
};
