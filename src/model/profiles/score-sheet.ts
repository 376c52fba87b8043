// 部门预算绩效自评打分表: category maxima over items, 扣分项 outside the 100.
import type { FormProfile } from './types.js';

export const scoreSheet: FormProfile = {
  id: 'score-sheet',
  kind: '绩效自评打分表',
  title: /(自评|评价)?打分表|评分表/,
  blocks: [{ kind: 'scores', name: '评分表' }],
  rows: { deduction: /^扣分(项|指标)?/ },
  arithmetic: [
    '分类满分（预算管理（25分）） = 其下各项满分之和；各类满分之和 = 100（扣分项不计入）',
    '总分 = Σ 各项得分 − Σ 扣分；得分 ≤ 满分',
  ],
};
