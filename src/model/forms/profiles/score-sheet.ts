// 部门预算绩效自评打分表: category maxima over items, 扣分项 outside the 100.
import type { FormProfile } from '../types.js';
import { indicatorColumns } from './indicator-table.js';

export const scoreSheet: FormProfile = {
  id: 'score-sheet',
  kind: '绩效自评打分表',
  title: /(自评|评价)?打分表|评分表/,
  blocks: [
    // maxima and scores by item, with no target or actual (those make it an indicator table)
    { kind: 'scores', name: '评分表', recognise: { all: ['weight', 'score'], none: ['target', 'actual'], some: [['name', 'level1', 'level2']] } },
  ],
  columns: {
    level1: indicatorColumns.level1,
    level2: indicatorColumns.level2,
    name: indicatorColumns.name,
    weight: /分值$|权重$|^满分$|^标准分$/,
    score: indicatorColumns.score,
    explanation: /指标解释|指标说明|评分标准|评分细则|评分规则|评分办法|计分方法|评价要点|评价标准/,
    remark: indicatorColumns.remark,
  },
  // 扣分项（10分）: its points are taken off the total, not part of the 100
  rows: { deduction: /^扣分(项|指标)?/ },
  arithmetic: [
    '分类满分（预算管理（25分）） = 其下各项满分之和；各类满分之和 = 100（扣分项不计入）',
    '总分 = Σ 各项得分 − Σ 扣分；得分 ≤ 满分',
  ],
};
