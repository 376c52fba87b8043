// “三公”经费 tables: 预算数 / 决算数 (or two years) by item, their change and rate of change, in either orientation.
import type { FormProfile } from '../types.js';
import { GRAND_TOTAL_WORDS, PERCENT_SIGNS, SUBTOTAL_WORDS, alternation } from '../../../lexicon/index.js';

/** The table's own name before its total word: “三公”经费合计. */
const SANGONG = '(?:“?三公”?经费)';
/** The car item and its two parts, in the spellings tables use. */
const CAR = /公务?(用)?车(辆)?购置(及|和|与)?(运行维护|运行|维护)(费|经费)?/;

export const sangongTable: FormProfile = {
  id: 'sangong',
  kind: '“三公”经费表',
  title: /三公/,
  blocks: [{ kind: 'amounts', name: '“三公”经费表' }],
  amountColumns: {
    base: /预算(数)?$|上年(数|决算数?)?$/,
    current: /决算(数)?$|本年(数|决算数?)?$|执行(数)?$/,
    change: /^(比上年|较上年|与预算相比)?增减(额|数)?$|^差额$/,
    changeRate: new RegExp(`增减(?:率|幅度?|[${PERCENT_SIGNS}])|增长率|变动率|增减变化率`),
  },
  rows: {
    total: new RegExp(`^${SANGONG}?(?:${alternation([...GRAND_TOTAL_WORDS, ...SUBTOTAL_WORDS])})$|^${SANGONG}$`),
    // the three items its total adds up
    items: [/因公出国|出国(（境）)?(经)?费/, /公务接待/, CAR],
  },
  arithmetic: [
    '合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费（合计行在前在后均同）',
    '公务用车购置及运行费 = 购置费 + 运行费',
    '增减额 = 决算数 − 预算数（或本年 − 上年）；增减率 = 增减额 ÷ 预算数（或上年数）',
  ],
  decompositions: [
    { name: '公务用车购置及运行费', total: CAR, parts: [/购置(费|经费)?$/, /运行(维护)?(费|经费)?$|维护(费|经费)?$/] },
    { name: '“三公”经费合计', total: new RegExp(`^${SANGONG}?(?:${alternation(GRAND_TOTAL_WORDS)})$`), parts: [/因公出国|出国(（境）)?(经)?费/, /公务接待/, CAR] },
  ],
};
