// 部门整体支出绩效自评表 and its variants: budget execution (10 or 20 points) beside annual goals, or one-level weights.
import type { FormProfile } from '../types.js';
import { indicatorBlock, indicatorColumns } from './indicator-table.js';

export const deptOverallForm: FormProfile = {
  id: 'dept-overall',
  kind: '部门整体支出绩效自评表',
  title: /部门整体支出绩效(目标完成情况)?自评表|部门整体(支出)?绩效自评表/,
  blocks: [indicatorBlock],
  columns: indicatorColumns,
  arithmetic: [
    '预算执行（20分） + 年度目标（80分） = 100：各块满分从表中“（20分）”读取，不作假定',
    '一级指标权重（如 50/30/10/10）之和 = 100；各块满分 = 其下各项分值之和',
    '总分 = 各项得分之和；得分 ≤ 分值',
  ],
};
