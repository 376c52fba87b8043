// The indicator table every form family shares (一级/二级/三级指标, 指标值, 实际完成值, 分值, 得分): its header words and how it is recognised.
import type { FormBlock, Role } from '../types.js';

/**
 * Header words of the indicator table, per role. Anchored where a looser match would take another column's header
 * (三级指标 is a name, 一级指标 a level; 实际完成指标值 is an actual, not a target: table-header.ts tries actual first).
 */
export const indicatorColumns: Partial<Record<Role, RegExp>> = {
  level1: /^一级指标$/,
  level2: /^二级指标$/,
  name: /^三级指标$|^(绩效)?指标名称$|^指标内容$|^具体指标$/,
  nature: /指标性质|指标方向|指标属性|^性质$|^指标类型$/,
  comparator: /^(指标)?(符号|比较符|运算符)$/,
  unit: /^(绩效)?(计量|度量)?单位$/,
  target: /指标值$|目标值$|^预期值$|^(年度|预期)目标$/,
  actual: /^实际完成|完成值$|实际值$|^完成情况$/,
  weight: /分值$|权重$/,
  score: /得分$/,
  deviation: /偏差|原因分析|改进措施/,
  remark: /^备注$/,
};

/** A part with a target or an actual beside an indicator's name (at any level) is an indicator table. */
export const indicatorBlock: FormBlock = {
  kind: 'indicators',
  name: '绩效指标表',
  recognise: { some: [['target', 'actual'], ['name', 'level1', 'level2']] },
};
