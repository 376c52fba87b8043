// 部门整体支出绩效评价基础数据表 (Hunan): 经费控制情况 by year, 支出总额 = 基本支出 + 项目支出.
// Its rows are read like every table's (src/model/tables/arithmetic.ts; 支出总额's breakdown in src/lexicon/table-words.ts).
import type { FormProfile } from '../types.js';

export const fundStatement: FormProfile = {
  id: 'fund-statement',
  kind: '部门整体支出绩效评价基础数据表',
  title: /绩效评价基础数据表|基础数据表/,
  blocks: [{ kind: 'amounts', name: '经费控制情况' }],
  arithmetic: ['支出总额 = 基本支出 + 项目支出（每一年度、预算与决算各列）', '公务用车购置和维护经费 = 公车购置 + 公车运行维护', '控制率 = 实际在职人数 ÷ 编制数'],
};
