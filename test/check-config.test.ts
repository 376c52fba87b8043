// The registry and the configuration: sorted ids, metadata for `jixiao rules`, severity overrides, off, language, crashes.
import { describe, it, expect } from 'vitest';
import { checks, registry, runChecks, messageText, optionsOf, ruleOptionProblems, runBatchChecks, type Records } from '../src/checks/index.js';
import { resolveSeverity } from '../src/severity.js';
import { settleDiagnostics } from '../src/severity.js';
import type { Diagnostic } from '../src/catalog/readers/index.js';
import { defineBatchCheck, defineCheck, defineDocumentCheck } from '../src/checks/define.js';
import { Config } from '../src/config.js';
import { report, rel, q, ql, findingsOf } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const wrongRate = report({
  relations: [rel<RelationOf<'rate'>>({ kind: 'rate', name: '执行率', rate: q('88.82%', 3), numerator: ql('8724.90万元', '支付数'), denominators: [ql('9883.28万元', '调整预算数')] })],
});
const truncatedRate = report({
  relations: [rel<RelationOf<'rate'>>({ kind: 'rate', name: '执行率', rate: q('90.07%', 3), numerator: q('3425.81万元'), denominators: [q('3803.27万元')] })],
});

describe('registry', () => {
  it('is one list sorted by id, ids unique, each with a description in both languages', () => {
    const ids = registry.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of checks) {
      expect(c.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(c.description.en.length).toBeGreaterThan(0);
    }
  });
  it('lists the arithmetic checks with formulas and the reader rules', () => {
    const byId = new Map(checks.map((c) => [c.id, c]));
    for (const id of ['rate', 'share', 'sum', 'growth', 'list-count', 'score-cap', 'score-total', 'grade', 'weight-total', 'indicator-score', 'exec-score', 'cross-ref']) {
      expect(byId.get(id)?.formula, id).toBeTruthy();
    }
    for (const id of ['read-error', 'no-text', 'legacy-format']) expect(byId.has(id), id).toBe(true);
    expect(JSON.parse(JSON.stringify(checks))[0]).not.toHaveProperty('run');
  });
  it('every message template exists in Chinese and English with the same placeholders', () => {
    for (const c of registry) {
      for (const [id, m] of Object.entries(c.messages)) {
        const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
        expect(ph(m.en), `${c.id}.${id}`).toEqual(ph(m.zh));
      }
    }
  });
});

describe('config', () => {
  it('default: a mismatch is an error, as data; its Chinese message quotes the numbers as written', () => {
    const [f] = runChecks(wrongRate, Config.parse({}));
    expect(f).toMatchObject({ rule: 'rate', severity: 'error', messageId: 'mismatch', expected: '88.28%', actual: '88.82%' });
    expect(f).not.toHaveProperty('message');
    expect(messageText(f, 'zh')).toBe('执行率应为 88.28%（8724.90 ÷ 9883.28），文中为 88.82%');
  });
  it('the same finding in English: the language is the formatter’s, not the check’s', () => {
    const [f] = runChecks(wrongRate, Config.parse({ lang: 'en' }));
    expect(f).toEqual(runChecks(wrongRate, Config.parse({}))[0]);
    expect(messageText(f, 'en')).toMatch(/should be 88\.28%/);
  });
  it('severity override, string or object form', () => {
    expect(findingsOf('rate', wrongRate, { rules: { rate: 'warning' } })[0].severity).toBe('warning');
    expect(findingsOf('rate', wrongRate, { rules: { rate: { severity: 'info' } } })[0].severity).toBe('info');
  });
  it('a finding the rule marks milder stays milder under an override', () => {
    expect(findingsOf('rate', truncatedRate, { rules: { rate: 'error' } })[0].severity).toBe('warning');
    expect(findingsOf('rate', truncatedRate, { rules: { rate: 'info' } })[0].severity).toBe('info');
    expect(resolveSeverity('error', 'warning', undefined)).toBe('warning');
    expect(resolveSeverity('warning', undefined, 'error')).toBe('error');
  });
  it("'off' silences a rule", () => {
    expect(runChecks(wrongRate, Config.parse({ rules: { rate: 'off' } }))).toEqual([]);
  });
  it.each([
    ['round', [{ messageId: 'mismatch', severity: 'error' }]],
    ['truncate-as-warning', [{ messageId: 'truncated', severity: 'warning' }]],
    ['truncate-ok', []],
  ] as const)('rounding %s', (rounding, expected) => {
    expect(findingsOf('rate', truncatedRate, { rounding }).map((f) => ({ messageId: f.messageId, severity: f.severity }))).toEqual(expected);
  });
  it('the pipeline settles reader findings by the same rules: default, configured, off', () => {
    const noText: Diagnostic = { rule: 'no-text', messageId: 'no-text', location: { file: 'x.pdf' } };
    expect(settleDiagnostics([noText], Config.parse({ rules: { 'no-text': 'error' } }))[0].severity).toBe('error');
    expect(settleDiagnostics([noText], Config.parse({ rules: { 'no-text': 'off' } }))).toEqual([]);
    expect(settleDiagnostics([noText], Config.parse({}))).toEqual([{ ...noText, severity: 'warning' }]);
    const [page] = settleDiagnostics([{ ...noText, messageId: 'scanned-page', data: { page: 3 } }], Config.parse({ lang: 'en' }));
    expect(messageText(page, 'en')).toMatch(/^Page 3 holds only images/);
  });
  it('a check that throws becomes an internal-error finding naming it, and the other checks still run', () => {
    const broken = defineCheck({
      id: 'broken', severity: 'error', description: { zh: '坏', en: 'broken' }, messages: {}, reads: { relations: ['rate'] },
      *run() { throw new Error('boom'); },
    });
    const found = runChecks(wrongRate, Config.parse({}), [broken, registry.find((c) => c.id === 'rate')!]);
    expect(found.map((f) => [f.rule, f.messageId, f.severity, f.data?.check])).toEqual([['internal-error', 'internal-error', 'warning', 'broken'], ['rate', 'mismatch', 'error', undefined]]);
    expect(messageText(found[0], 'zh')).toContain('检查“broken”处理本文件时出错（boom）');
  });
  it('a clean report yields nothing from any rule', () => {
    expect(runChecks(report(), Config.parse({}))).toEqual([]);
  });
});

describe('the README', () => {
  it('shows a configuration that parses, with rule ids that exist', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const config = Config.parse(JSON.parse(block![1]));
    for (const id of Object.keys(config.rules)) expect(checks.map((c) => c.id)).toContain(id);
  });
});

describe('checks by kind, like ESLint node types', () => {
  const full = report({
    relations: [
      rel<RelationOf<'rate'>>({ kind: 'rate', name: '执行率', rate: q('88.28%'), numerator: q('8724.90万元'), denominators: [q('9883.28万元')] }),
      rel<RelationOf<'sum'>>({ kind: 'sum', total: q('10万元'), parts: [q('4万元'), q('6万元')], exhaustive: true }),
      rel<RelationOf<'grade'>>({ kind: 'grade', grade: '优' }),
    ],
    indicators: [{ name: '指标', location: { file: 'x' } }],
    scoreItems: [{ name: '项目', location: { file: 'x' } }],
  });

  it('a record check receives the relations of the kinds it declares, in document order, and no other records', () => {
    const seen: Records[] = [];
    const spy = defineCheck({
      id: 'spy', severity: 'info', description: { zh: '探', en: 'spy' }, messages: {},
      reads: { relations: ['grade', 'rate'], indicators: true },
      *run(records) { seen.push(records); },
    });
    runChecks(full, Config.parse({}), [spy]);
    expect(seen[0].relations.map((r) => r.kind)).toEqual(['rate', 'grade']);
    expect(seen[0].indicators).toHaveLength(1);
    expect(seen[0].scoreItems).toEqual([]);
    expect(seen[0].budget).toEqual([]);
    expect(seen[0]).not.toHaveProperty('facts');
  });

  it('a document check receives the whole report; every registered check declares its stage and what it reads', () => {
    let got: unknown;
    const whole = defineDocumentCheck({ id: 'whole', severity: 'info', description: { zh: '全', en: 'whole' }, messages: {}, *run(r) { got = r; } });
    runChecks(full, Config.parse({}), [whole]);
    expect(got).toBe(full);
    for (const c of registry) {
      if (c.stage === 'records') expect(Object.keys(c.reads).length, c.id).toBeGreaterThan(0);
      else expect(['cross-ref', 'form-unread', 'nothing-checked', 'read-warning'], c.id).toContain(c.id);
    }
  });

  it('per-rule options are parsed by the rule’s schema: rules.grade.bands, rules.weight-total.totals, or the top-level keys', () => {
    const grade = registry.find((c) => c.id === 'grade')!;
    const bands = [{ grade: '优秀', min: 85 }, { grade: '良好', min: 75, max: 85 }];
    expect(optionsOf(grade, Config.parse({ rules: { grade: { bands } } }))).toMatchObject({ bands: [{ grade: '优秀', min: 85, minInclusive: true }, { grade: '良好' }] });
    expect(optionsOf(grade, Config.parse({ gradeBands: bands }))).toMatchObject({ bands: [{ grade: '优秀' }, { grade: '良好' }] });
    expect(optionsOf(grade, Config.parse({}))).toEqual({});
    const weights = registry.find((c) => c.id === 'weight-total')!;
    expect(optionsOf(weights, Config.parse({}))).toEqual({ totals: [90, 100] });
    expect(optionsOf(weights, Config.parse({ rules: { 'weight-total': { totals: 100 } } }))).toEqual({ totals: [100] });
    expect(optionsOf(weights, Config.parse({ weightTotal: 80, rules: { 'weight-total': { severity: 'warning' } } }))).toEqual({ totals: [80] });
  });

  it('wrong options are reported by rule and path, and a rule set to a severity with options keeps both', () => {
    const problems = ruleOptionProblems(Config.parse({ rules: { grade: { bands: [{ grade: 1 }] }, 'weight-total': { totals: 'ninety' } } }));
    expect(problems.map((p) => [p.rule, p.error.issues[0].path])).toEqual([['grade', ['bands', 0, 'grade']], ['weight-total', ['totals']]]);
    const config = Config.parse({ rules: { grade: { severity: 'warning', bands: [{ grade: '优', min: 95 }, { grade: '良', max: 95 }] } } });
    const graded = report({ relations: [rel<RelationOf<'grade'>>({ kind: 'grade', grade: '优', score: q('92分') })] });
    expect(runChecks(graded, config, [grade()]).map((f) => [f.rule, f.severity, f.expected])).toEqual([['grade', 'warning', '良']]);
  });

  it('the batch stage runs checks over several files and settles their findings like the others', () => {
    const twice = defineBatchCheck({
      id: 'twice', severity: 'warning', description: { zh: '重复', en: 'twice' }, messages: { same: { zh: '同一文件', en: 'the same file' } },
      *run(files) { if (files.length > 1 && files[0].report.path === files[1].report.path) yield { messageId: 'same', location: { file: files[1].path } }; },
    });
    const files = [{ path: 'a', report: full }, { path: 'b', report: full }];
    expect(runBatchChecks(files, Config.parse({}), [twice])).toEqual([{ rule: 'twice', messageId: 'same', location: { file: 'b' }, severity: 'warning' }]);
    expect(runBatchChecks(files, Config.parse({ rules: { twice: 'off' } }), [twice])).toEqual([]);
  });
});

const grade = () => registry.find((c) => c.id === 'grade')!;
