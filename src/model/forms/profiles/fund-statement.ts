// 部门整体支出绩效评价基础数据表 (Hunan): 经费控制情况 by year, 支出总额 = 基本支出 + 项目支出.
import type { FormProfile } from '../types.js';
import { PROSE_TOTAL_WORDS, alternation } from '../../../lexicon/index.js';

export const fundStatement: FormProfile = {
  id: 'fund-statement',
  kind: '部门整体支出绩效评价基础数据表',
  title: /绩效评价基础数据表|基础数据表/,
  blocks: [{ kind: 'amounts', name: '经费控制情况' }],
  // columns by year (2023年 | 2024年) or 预算/决算: the amount words of “三公” tables, years read by table-amounts.ts
  amountColumns: { base: /预算(数)?$/, current: /决算(数)?$/ },
  arithmetic: ['支出总额 = 基本支出 + 项目支出（每一年度、预算与决算各列）', '公务用车购置和维护经费 = 公车购置 + 公车运行维护'],
  decompositions: [
    { name: '支出总额', total: new RegExp(`^支出(?:${alternation(PROSE_TOTAL_WORDS)})$`), parts: [/^基本支出$/, /^项目支出$/] },
  ],
};
