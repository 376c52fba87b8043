// Scores written clause by clause in a sentence (产出指标得分45分（满分50分），…，总得分93分): each item's score with
// the maximum its own words give it, and the overall score after them. Read through the whole pipeline from built
// documents: a score over its maximum and a total that is not the items' sum are errors; near misses give no item.
import { describe, it, expect } from 'vitest';
import { builtDocs, findingsOf } from './helpers/built-docs.js';
import { checkFile } from './helpers/read.js';
import { defaultConfig } from '../src/config.js';
import { raw } from './helpers/relations.js';
import type { Relation } from '../src/model/schema.js';

function project(r: Relation): string {
  if (r.kind === 'score') return `score ${r.name} ${raw(r.score)}/${raw(r.max)}`;
  if (r.kind === 'total-score') return `total ${raw(r.score)}`;
  return r.kind;
}

const check = builtDocs('score-clauses');
async function read(line: string) {
  const result = await check(line);
  return {
    relations: (result.report?.relations ?? []).map(project).filter((r) => r.startsWith('score') || r.startsWith('total')),
    findings: findingsOf(result),
  };
}

const FOUR = ['score 产出指标 45分/50分', 'score 效益指标 28分/30分', 'score 满意度指标 10分/10分', 'score 预算执行率 10分/10分'];

describe('items scored clause by clause, and their total', () => {
  it.each([
    ['产出指标得分45分（满分50分），效益指标得分28分（满分30分），满意度指标得分10分（满分10分），预算执行率得分10分（满分10分），总得分93分。', [...FOUR, 'total 93分']],
    ['经评价，项目决策（20分）得分18分，项目过程（20分）得分19分，项目产出（40分）得分38分，项目效益（20分）得分18分，综合得分93分，评价等级为优。',
      ['score 项目决策 18分/20分', 'score 项目过程 19分/20分', 'score 项目产出 38分/40分', 'score 项目效益 18分/20分', 'total 93分']],
    ['产出指标自评得分45分（满分50分），效益指标自评得分28分（满分30分）。', ['score 产出指标 45分/50分', 'score 效益指标 28分/30分']],
    ['其中：产出指标满分50分，得分45分；效益指标满分30分，得分28分；满意度指标满分10分，得分10分；预算执行率满分10分，得分10分。', FOUR],
  ])('%s', async (line, relations) => {
    const read_ = await read(line);
    expect(read_.relations).toEqual(relations);
    expect(read_.findings).toEqual([]);
  });

  it('a total that is not the sum of the items is an error on the total', async () => {
    const { findings } = await read('产出指标得分45分（满分50分），效益指标得分28分（满分30分），满意度指标得分10分（满分10分），预算执行率得分10分（满分10分），总得分95分。');
    expect(findings).toEqual(['error score-total 95分']);
  });

  it('a score over its maximum is an error', async () => {
    const { findings } = await read('产出指标得分52分（满分50分），效益指标得分28分（满分30分）。');
    expect(findings.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['error score-cap']);
  });

  it('items whose maxima do not make the whole leave the total unchecked', async () => {
    const { relations, findings } = await read('产出指标得分45分（满分50分），效益指标得分28分（满分30分），总得分90分。');
    expect(relations).toEqual(['score 产出指标 45分/50分', 'score 效益指标 28分/30分', 'total 90分']);
    expect(findings).toEqual([]);
  });

  it.each([
    // the aside is no maximum: it says what the score is of
    '产出指标得分45分（产出数量和质量），效益指标得分28分。',
    // the overall score with its maximum is no item
    '本项目自评得分93分（满分100分）。',
    // a score and a maximum in different items
    '产出指标满分50分，效益指标得分28分。',
  ])('near miss: %s', async (line) => {
    expect((await read(line)).relations.filter((r) => r.startsWith('score'))).toEqual([]);
  });
});

describe('grades stated as a result (自评结果为“优秀”) and scores as 评分', () => {
  const grades = async (line: string) => {
    const result = await check(line);
    return {
      relations: (result.report?.relations ?? []).flatMap((r) => (r.kind === 'grade' ? [`grade ${r.grade} ${r.score?.raw ?? '_'}`] : [])),
      errors: result.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
    };
  };
  it.each(['e-changning-dyfx-2023.docx', 'e-changning-dyfx-2023.pdf'])('%s: 自评得分100分，自评结果为“优秀”', async (file) => {
    const result = await checkFile(`test/data/reports/${file}`, defaultConfig);
    expect((result.report?.relations ?? []).flatMap((r) => (r.kind === 'grade' ? [`${r.grade} ${r.score?.raw}`] : []))).toContain('优秀 100分');
  });
  it.each([
    ['综合评分85分，绩效评价结果为“良好”。', 'grade 良好 85分'],
    ['该项目绩效自评得分91分，评定结果为优。', 'grade 优 91分'],
  ])('%s', async (line, relation) => {
    const { relations, errors } = await grades(line);
    expect(relations).toEqual([relation]);
    expect(errors).toEqual([]);
  });
  it('a grade its score does not earn is an error', async () => {
    expect((await grades('综合评分75分，绩效评价结果为“良好”。')).errors).toEqual(['grade']);
  });
  it('a condition (评价结果为良好的，…) states no grade', async () => {
    expect((await grades('该项目自评得分85分。绩效评价结果为良好的，在安排该项目后续资金时给予保障。')).relations).toEqual([]);
  });
});

describe('a sentence that mentions a form is no form', () => {
  const unread = async (lines: string[]) => {
    const result = await check(lines);
    return { form: result.report?.meta.form, rules: result.findings.filter((f) => f.rule === 'form-unread').length };
  };
  it('项目支出绩效自评表中自评得分为94分: a report that cites its form is still a report', async () => {
    expect(await unread(['一、项目概况', '项目自评得分93分，等级为优。', '项目支出绩效自评表中自评得分为94分。'])).toEqual({ form: undefined, rules: 0 });
  });
  it('a title line naming the form, a year after it, is a form (its tables unread here: a warning says so)', async () => {
    const { form, rules } = await unread(['项目支出绩效自评表（2023年度）', '项目名称：道路维护']);
    expect(form).toBeDefined();
    expect(rules).toBeGreaterThan(0);
  });
});

describe('item scores after a 自评得分： lead, and 总分 after them', () => {
  const line = (output: string) => `自评得分：预算执行率9.8分（满分10分），产出指标${output}分（满分50分），效益指标27分（满分30分），满意度指标9分（满分10分），总分93.8分。`;
  it('each item with its maximum, and the total of them', async () => {
    const { relations, findings } = await read(line('48'));
    expect(relations).toEqual(['score 预算执行率 9.8分/10分', 'score 产出指标 48分/50分', 'score 效益指标 27分/30分', 'score 满意度指标 9分/10分', 'total 93.8分']);
    expect(findings).toEqual([]);
    expect((await read(line('49'))).findings.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['error score-total']);
  });
  it.each([
    // no lead: the clause names no score
    '预算执行率9.8分（满分10分），产出指标48分（满分50分）。',
    // 总分 alone is the maximum as often as the score
    '本项目绩效评价指标体系总分100分。',
  ])('near miss: %s', async (text) => {
    expect((await read(text)).relations).toEqual([]);
  });
});
