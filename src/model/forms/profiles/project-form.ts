// 项目支出绩效自评表: the national form of 2020 and its provincial variants (10 + 90, 20 + 80, 20 + 40 + 40).
import type { FormProfile } from '../types.js';
import { indicatorBlock, indicatorColumns } from './indicator-table.js';

export const projectForm: FormProfile = {
  id: 'project-form',
  kind: '项目支出绩效自评表',
  title: /项目(支出)?(绩效)?自评表|项目绩效自评表/,
  blocks: [
    // two of the budget block's columns: the amounts or the rate (a block may omit 年初预算数 or write no 执行率)
    { kind: 'budget', name: '预算执行情况（项目资金）', recognise: { atLeast: { count: 2, of: ['initial', 'annual', 'executed', 'rate'] } } },
    indicatorBlock,
  ],
  columns: {
    ...indicatorColumns,
    rate: /执行率$/,
    initial: /^年初预算(数|金额)?$/,
    annual: /^(全年|调整后?|年度)预算(数|金额)?$|^预算数$/,
    executed: /^(全年|实际|预算)?执行(数|金额)$|^全年执行$|^实际支出(数)?$/,
  },
  arithmetic: [
    '执行率 = 全年执行数 ÷ 全年预算数（执行率写作比值时 1 = 100%）',
    '预算执行得分 = 分值 × min(执行率, 1)；分值写在栏目名中时（预算执行情况（20分））从中读取',
    '年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金（每一金额列）',
    '总分·分值 = 预算执行分值 + Σ 指标分值；总分·得分 = 预算执行得分 + Σ 指标得分（各目标块合计）',
    '年度绩效目标（80分） = 其下一级指标满分之和（产出指标（60分） + 效益指标（40分））',
    '指标得分 ≤ 分值；达到目标应得满分（扣分须写偏差原因）；未达目标按比例计分只在表中写明规则时为错误',
  ],
  // The Hubei form's note: 正向指标（即目标值为≥X，得分=权重*B/A）.
  statedRule: /得分\s*[=＝]\s*(?:权重|分值)\s*[*×xX]\s*(?:B\s*[/／÷]\s*A|实际)/,
};
