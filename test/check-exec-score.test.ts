// exec-score: budget rows — 执行率 = executed ÷ annual; score = 分值 × min(执行率, 1).
import { ruleTester, report, q, budgetRow, cell } from './check-builder.js';
import type { BudgetRow } from '../src/model/schema.js';

const row = (b: Partial<Record<'annual' | 'executed' | 'weight' | 'rate' | 'score', string>>, extra: Partial<BudgetRow> = {}) => report({
  budget: [budgetRow({
    label: '年度资金总额', location: cell(2, 0, 3),
    ...Object.fromEntries(Object.entries(b).map(([k, v], i) => [k, q(v!, cell(2, i + 1, 3))])), ...extra,
  })],
});

ruleTester('exec-score', {
  valid: [
    { name: 'seed-like row: 8724.90 / 9883.28 = 88.28%, 10 × 88.28% = 8.83', report: row({ annual: '9883.28', executed: '8724.90', weight: '10', rate: '88.28%', score: '8.83' }) },
    { name: 'over-execution caps at the full 分值', report: row({ annual: '2179.77', executed: '2183.25', weight: '10', rate: '100%', score: '10' }) },
    { name: 'score from the operands when no rate is stated', report: row({ annual: '200', executed: '150', weight: '10', score: '7.5' }) },
    { name: 'a bare rate column in percent', report: row({ annual: '200', executed: '150', weight: '10', rate: '75', score: '7.5' }) },
    { name: '0 / 0 rate not judged', report: row({ annual: '0', executed: '0', rate: '0%' }) },
    { name: 'unit conversion: executed 元, annual 万元', report: row({ annual: '200万元', executed: '1500000元', rate: '75%' }) },
    { name: 'truncated rate with truncate-ok', report: row({ annual: '1599.38', executed: '735.65', rate: '45.9%' }), config: { rounding: 'truncate-ok' } },
  ],
  invalid: [
    {
      name: 'a wrong rate',
      report: row({ annual: '9883.28', executed: '8724.90', rate: '88.82%' }),
      errors: [{ messageId: 'mismatch', severity: 'error', location: { block: 3, row: 2, col: 3 }, expected: '88.28%', actual: '88.82%', data: { formula: '8724.90 ÷ 9883.28', what: { zh: '执行率', en: 'execution rate' } } }],
    },
    {
      name: 'a wrong rate beside a score that follows the operands: one finding, on the rate',
      report: row({ annual: '3.36', executed: '3.36', weight: '10', rate: '90.00%', score: '10' }),
      errors: [{ messageId: 'mismatch', expected: '100.00%', actual: '90.00%', data: { what: { zh: '执行率', en: 'execution rate' } } }],
    },
    {
      name: 'a wrong rate and a score that follows neither it nor the operands: both',
      report: row({ annual: '3.36', executed: '3.36', weight: '10', rate: '90.00%', score: '7' }),
      errors: [
        { messageId: 'mismatch', actual: '90.00%', data: { what: { zh: '执行率', en: 'execution rate' } } },
        { messageId: 'mismatch', expected: '9', actual: '7', data: { what: { zh: '得分', en: 'score' } } },
      ],
    },
    {
      name: 'a wrong score for the stated rate',
      report: row({ weight: '10', rate: '88.28%', score: '9.83' }),
      errors: [{ messageId: 'mismatch', location: { col: 3 }, expected: '8.83', actual: '9.83', data: { what: { zh: '得分', en: 'score' } } }],
    },
    {
      name: 'a score above 分值 for an over-executed budget',
      report: row({ annual: '200', executed: '220', weight: '10', score: '11' }),
      errors: [{ messageId: 'mismatch', expected: '10', actual: '11' }],
    },
    {
      name: 'truncated rate 45.9% → warning',
      report: row({ annual: '1599.38', executed: '735.65', rate: '45.9%' }),
      errors: [{ messageId: 'truncated', severity: 'warning', expected: '46.0%' }],
    },
  ],
});
