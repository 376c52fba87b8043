// weight-total: indicator weights total 90 (+10 budget execution) or 100; configurable.
import { ruleTester, report, q, indicator, budgetRow, cell } from './check-builder.js';

const table = (weights: string[], block = 5) => weights.map((w, i) => indicator({ name: `指标${i + 1}`, weight: q(w, cell(i + 2, 6, block)), location: cell(i + 2, 0, block) }));

ruleTester('weight-total', {
  valid: [
    { name: '90 in indicators', report: report({ indicators: table(['30', '30', '20', '10']) }) },
    { name: '100 in indicators', report: report({ indicators: table(['30', '30', '20', '20']) }) },
    { name: '90 plus budget execution 10', report: report({ indicators: table(['50', '40']), budget: [budgetRow({ label: '年度资金总额', weight: q('10') })] }) },
    { name: '80 + 20 with weightTotal configured', report: report({ indicators: table(['40', '40']) }), config: { weightTotal: [80, 100] } },
    { name: 'two tables, each 90', report: report({ indicators: [...table(['45', '45'], 5), ...table(['60', '30'], 8)] }) },
    {
      name: 'a PDF table over two pages (consecutive blocks, consecutive pages) is one table',
      report: report({ indicators: [
        ...table(['30', '30']).map((i) => ({ ...i, location: { ...i.location, block: 132, page: 11 } })),
        ...table(['20', '10']).map((i) => ({ ...i, location: { ...i.location, block: 133, page: 12 } })),
      ] }),
    },
    { name: 'a single weighted indicator is not a table', report: report({ indicators: table(['7']) }) },
    { name: 'decimal weights', report: report({ indicators: table(['33.3', '33.3', '23.4']) }) },
  ],
  invalid: [
    {
      name: 'weights total 95',
      report: report({ indicators: table(['30', '30', '20', '15']) }),
      errors: [{ messageId: 'mismatch', severity: 'error', location: { block: 5, row: 2, col: 0 }, expected: '90 / 100', actual: '95', data: { formula: '30 + 30 + 20 + 15' } }],
    },
    {
      name: '80 is not accepted by default',
      report: report({ indicators: table(['40', '40']) }),
      errors: [{ messageId: 'mismatch', actual: '80' }],
    },
    {
      name: 'only 100 accepted when configured',
      report: report({ indicators: table(['30', '30', '20', '10']) }),
      config: { weightTotal: 100 },
      errors: [{ messageId: 'mismatch', expected: '100', actual: '90' }],
    },
    {
      name: 'the wrong table of two is reported',
      report: report({ indicators: [...table(['45', '45'], 5), ...table(['60', '35'], 8)] }),
      errors: [{ messageId: 'mismatch', location: { block: 8 }, actual: '95' }],
    },
    {
      name: 'adjacent blocks without pages (docx) are separate tables',
      report: report({ indicators: [...table(['45', '45'], 5), ...table(['60', '35'], 6)] }),
      errors: [{ messageId: 'mismatch', location: { block: 6 }, actual: '95' }],
    },
  ],
});
