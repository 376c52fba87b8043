// “三公”经费 tables: 预算数 / 决算数 (or two years) by item, their change and rate of change, in either orientation.
// Their columns and rows are read like every table's (src/model/tables/arithmetic.ts, words in src/lexicon/table-words.ts).
import type { FormProfile } from '../types.js';

export const sangongTable: FormProfile = {
  id: 'sangong',
  kind: '“三公”经费表',
  title: /三公/,
  blocks: [{ kind: 'amounts', name: '“三公”经费表' }],
  arithmetic: [
    '合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费（合计行在前在后均同）',
    '公务用车购置及运行费 = 购置费 + 运行费',
    '增减额 = 决算数 − 预算数（或本年 − 上年）；增减率 = 增减额 ÷ 预算数（或上年数）',
  ],
};
