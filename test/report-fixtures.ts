// Hand-built check results for formatter tests: a report with relations, indicators, score items, and findings.
import type { FileResult } from '../src/pipeline.js';
import type { Finding } from '../src/findings.js';
import type { Quantity, Report } from '../src/model/schema.js';
import { summarizeReport } from '../src/model/summary.js';

export function q(raw: string, value: number, unit?: string, label?: string): Quantity {
  const decimals = (String(value).split('.')[1] ?? '').length;
  const out: Quantity = { raw, value, decimals, location: { file: 'x', paragraph: 3 } };
  if (unit) out.unit = unit;
  if (label) out.label = label;
  return out;
}

export function emptyReport(path: string): Report {
  return { path, meta: {}, sections: [], facts: [], relations: [], indicators: [], scoreItems: [], budget: [], summary: {} };
}

/** A rate mismatch as a check makes it: data, rendered 预算执行率应为 88.28%（8724.90 ÷ 9883.28），文中为 88.38%. */
export function finding(file: string, over: Partial<Finding> = {}): Finding {
  return {
    rule: 'rate', severity: 'error', messageId: 'mismatch',
    location: { file, paragraph: 12, page: 3 }, evidence: '预算执行率88.38%', expected: '88.28%', actual: '88.38%',
    data: { name: '预算执行率', formula: '8724.90 ÷ 9883.28' },
    ...over,
  };
}

/** One readable report (with a rate relation in 万元 and one in 元), one with injected text, one unreadable. */
export function sampleResults(): FileResult[] {
  const a = emptyReport('reports/甲单位.docx');
  a.meta = { unit: '某某县财政局', year: 2023, kind: '部门整体支出绩效自评报告' };
  a.relations.push(
    {
      kind: 'rate', name: '预算执行率', rate: q('88.28%', 88.28, '%'), numerator: q('8724.90万元', 8724.9, '万元', '共完成支付'),
      denominators: [q('9000万元', 9000, '万元', '年初预算数'), q('9883.28万元', 9883.28, '万元', '调整预算数')],
      location: { file: a.path, paragraph: 5 }, evidence: '调整预算数9883.28万元……预算执行率88.28%',
    },
    {
      kind: 'rate', name: '项目执行率', rate: q('50%', 50, '%'), numerator: q('50000元', 50000, '元', '支出'),
      denominators: [q('100000元', 100000, '元', '预算')],
      location: { file: a.path, paragraph: 9 }, evidence: '项目预算100000元，支出50000元，执行率50%',
    },
    { kind: 'total-score', score: q('93.8分', 93.8, '分'), location: { file: a.path, paragraph: 20 }, evidence: '自评得分93.8分' },
    { kind: 'grade', grade: '优秀', location: { file: a.path, paragraph: 21 }, evidence: '评价等级为优秀' },
  );
  a.indicators.push({
    level1: '产出指标', level2: '数量指标', name: '培训人次', nature: '正向', comparator: '>=',
    target: q('≥500人次', 500, '人次'), weight: q('10', 10), actual: q('520人次', 520, '人次'), score: q('10', 10),
    location: { file: a.path, sheet: '自评表', cell: 'C7' },
  }, {
    level1: '效益指标', name: '群众满意度', nature: '定性', comparator: 'qualitative', targetText: '较好', actualText: '好',
    weight: q('10', 10), score: q('9', 9), location: { file: a.path, row: 8, col: 2 },
  });
  a.scoreItems.push(
    { level1: '预算管理（25分）', name: '预算执行率', max: q('6', 6), score: q('4', 4), location: { file: a.path, row: 3 } },
    { name: '扣分项', max: q('10', 10), score: q('0', 0), deduction: true, location: { file: a.path, row: 20 } },
    { name: '资金管理', max: q('5', 5), score: q('5', 5), location: { file: a.path, row: 4 } },
  );

  // what the model decides for the 汇总 sheet, as extractReport does
  a.summary = summarizeReport(a);

  const b = emptyReport('reports/=SUM(A1).xlsx');
  b.meta = { unit: '+1', kind: '@x', title: '=HYPERLINK("http://evil","x")' };
  b.indicators.push({ name: '=SUM(A1)', targetText: '-2+3', actualText: '\t=1+1', location: { file: b.path, sheet: '表1', cell: 'B2' } });
  b.scoreItems.push({ name: '@SUM(1)', level1: '\r=1', location: { file: b.path, sheet: '表1', cell: 'B3' } });
  b.budget.push({ label: '年度资金总额', annual: q('1000', 1000), executed: q('900', 900), location: { file: b.path } });
  b.summary = summarizeReport(b);

  return [
    {
      path: a.path, format: 'docx', status: 'ok', report: a,
      findings: [
        finding(a.path),
        finding(a.path, {
          rule: 'sum', severity: 'warning', messageId: 'incomplete', evidence: '编外人员170人', expected: '168人', actual: '170人',
          data: { total: '编外人员', formula: '12 + 11 + 7 + 19 + 47 + 70 + 2', difference: '2人' },
        }),
        // a grade finding lowered to info by the configuration
        finding(a.path, {
          rule: 'grade', severity: 'info', messageId: 'mismatch', evidence: undefined, expected: '良', actual: '优秀',
          data: { score: '86分', bandsSource: { zh: '通用等级标准', en: 'the national bands' } },
        }),
      ],
    },
    {
      path: b.path, format: 'xlsx', status: 'ok', report: b,
      // text a spreadsheet would take for a formula, in every column: the message starts with the label “-1”
      findings: [finding(b.path, { evidence: '=SUM(A1)', expected: '+1', actual: '@x', data: { name: '-1', formula: '=1+1' }, location: { file: b.path, sheet: '表1', cell: 'B2' } })],
    },
    {
      path: 'reports/坏.docx', format: 'unknown', status: 'failed',
      findings: [{
        rule: 'read-error', severity: 'error', messageId: 'zip-corrupt',
        location: { file: 'reports/坏.docx' }, data: { detail: { messageId: 'detail-truncated' } },
      }],
    },
  ];
}
