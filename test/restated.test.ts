// restated: one figure stated twice in one document must agree — and the figures that only look alike stay silent
// (two periods, two scopes, a 预算 and a 决算 of one item, two batches, two projects, a stage like 年初预算数).
import { describe, it, expect } from 'vitest';
import { readDocument } from '../src/readers/index.js';
import { extractReport } from '../src/model/extract.js';
import { extractProse } from '../src/model/prose/index.js';
import { runChecks, messageText } from '../src/checks/index.js';
import type { SourceDocument } from '../src/document.js';
import type { Report } from '../src/model/schema.js';

const built = (...lines: string[]): Report => {
  const doc: SourceDocument = { path: 'built.docx', format: 'docx', blocks: lines.map((text) => ({ type: 'paragraph', text })) };
  return { path: doc.path, sections: [], facts: [], indicators: [], scoreItems: [], budget: [], summary: {}, ...extractProse(doc) } as Report;
};
const restatedOf = (r: Report) => r.relations.flatMap((x) => (x.kind === 'restated' ? [`${x.key}: ${x.first.raw} / ${x.second.raw}`] : []));
const findingsOf = (r: Report) => runChecks(r).filter((f) => f.rule === 'restated').map((f) => [f.severity, f.actual, f.expected]);

describe('an allocation cited by its document number', () => {
  it.each(['b-huhehaote-hx-slfz-2023.docx', 'b-huhehaote-hx-slfz-2023.pdf'])('%s: 41号…下达**河县…5万元 and 6万元 — an error; 10号 and 19号 agree', async (file) => {
    const { document } = await readDocument(`test/data/reports2/${file}`);
    const report = extractReport(document);
    expect(restatedOf(report)).toEqual(['【2023】10号 **河县: 2263万元 / 2263万元', '【2023】19号 **河县: 791万元 / 791万元', '【2023】41号 **河县: 5万元 / 6万元']);
    const [f] = runChecks(report).filter((x) => x.rule === 'restated');
    expect([f.severity, f.expected, f.actual]).toEqual(['error', '5万元', '6万元']);
    expect(messageText(f, 'zh')).toMatch(/^“【2023】41号 \*\*河县”在(?:第1页 )?第2段为 5万元，此处为 6万元，前后不一致$/);
  });
  it('paraphrases', () => {
    expect(findingsOf(built('根据X财社〔2023〕15号文件，下达我县资金120万元。', '按照X财社〔2023〕15号文件，下达我县衔接资金102万元，用于道路建设。'))).toEqual([['error', '102万元', '120万元']]);
    expect(findingsOf(built('省财政厅以皖财社〔2022〕1386号下达我县资金3608万元。', '皖财社〔2022〕1386号下达我县资金3608万元已全部分配。'))).toEqual([]);
    expect(findingsOf(built('依据呼财农〔2023〕41号文件，拨付甲镇资金5万元。', '依据呼财农〔2023〕41号文件，拨付甲镇资金6.0万元。'))).toEqual([['error', '6.0万元', '5万元']]);
  });
  it('must stay silent: one document, one recipient, two objects or a batch in an aside', () => {
    expect(restatedOf(built('按照市财农〔2023〕5号文件，下达我镇项目资金80万元，已拨付。按照市财农〔2023〕5号文件，下达我镇管理费2万元。'))).toEqual([]);
    expect(restatedOf(built('根据县财〔2023〕12号文件，下达我县资金100万元。根据县财〔2023〕12号文件，下达我县资金（第二批）50万元。'))).toEqual([]);
  });
  it('must stay silent: two recipients of one document, a sentence with two amounts', () => {
    expect(restatedOf(built('根据X财〔2023〕15号文件，下达甲镇10万元。', '根据X财〔2023〕15号文件，下达乙镇8万元。'))).toEqual([]);
    expect(restatedOf(built('根据X财〔2023〕15号文件，下达甲镇10万元，其中工程8万元。', '根据X财〔2023〕15号文件，下达甲镇10万元。'))).toEqual([]);
  });
});

describe('a labelled amount of one period, stage and scope', () => {
  it('paraphrases: the same 基本支出, 实有人数, 支出合计 twice', () => {
    expect(findingsOf(built('2023年度基本支出845.62万元。', '（一）2023年度基本支出845.26万元，主要用于人员工资。'))).toEqual([['error', '845.26万元', '845.62万元']]);
    expect(findingsOf(built('2023年年末实有人数76人。', '截至2023年底，年末实有人数78人。'))).toEqual([['error', '78人', '76人']]);
    expect(findingsOf(built('2023年支出合计1,250.00万元。', '2023年支出合计1250万元。'))).toEqual([]);
  });
  it('must stay silent: two periods', () => {
    expect(restatedOf(built('2022年基本支出74.91万元，2023年基本支出60.6万元。'))).toEqual([]);
    expect(restatedOf(built('2022年基本支出74.91万元。', '2023年基本支出60.6万元。'))).toEqual([]);
  });
  it('must stay silent: two scopes (the department’s and its general budget’s, two kinds of project)', () => {
    expect(restatedOf(built('部门年末结转和结余164.61万元。', '一般公共预算收入总计1085.31万元，年末结转和结余30.65万元。'))).toEqual([]);
    expect(restatedOf(built('常年项目绩效分析。该类项目涉及预算总金额282.86万元。', '一次性项目绩效分析。该类项目涉及预算总金额89.1万元。'))).toEqual([]);
  });
  it('must stay silent: a 预算 and a 决算 of one item; a stage (年初预算数) of two items; two batches', () => {
    expect(restatedOf(built('“三公”经费预算数10万元。', '“三公”经费决算数8.47万元。'))).toEqual([]);
    expect(restatedOf(built('1、基本支出：年初预算数为38.89万元。', '2、项目支出：年初预算数为10万元。'))).toEqual([]);
    expect(restatedOf(built('一批项目总投资3374.3万元。', '二批项目总投资2069.51万元。'))).toEqual([]);
  });
  it('must stay silent: two subjects or two dates within the year, said before the label', () => {
    expect(restatedOf(built('截至2023年6月底，基本支出420.00万元。', '截至2023年12月底，基本支出860.00万元。'))).toEqual([]);
    expect(restatedOf(built('一、城关镇', '城关镇2023年实有人数56人。', '二、东山镇', '东山镇2023年实有人数48人。'))).toEqual([]);
    expect(restatedOf(built('项目一：道路改造，支出合计120万元。项目二：管网铺设，支出合计80万元。'))).toEqual([]);
    expect(restatedOf(built('本单位2023年在职人员实有人数35人；下属单位2023年在职人员实有人数20人。'))).toEqual([]);
    // one subject, said again after the year: one figure
    expect(findingsOf(built('本单位2023年实有人数35人。', '截至2023年底，本单位实有人数36人。'))).toEqual([['error', '36人', '35人']]);
  });
  it('in two sections (一、A项目 / 二、B项目, 一、预算 / 二、决算): at most a warning that says the section was assumed', () => {
    const sections = [
      ['一、道路改造项目', '项目支出合计120万元。', '二、管网铺设项目', '项目支出合计80万元。'],
      ['一、预算情况', '“三公”经费支出合计10万元。', '二、决算情况', '“三公”经费支出合计8.5万元。'],
    ];
    for (const lines of sections) {
      const report = extractReport({ path: 'built.docx', format: 'docx', blocks: lines.map((text) => ({ type: 'paragraph', text })) } as SourceDocument);
      const found = runChecks(report).filter((f) => f.rule === 'restated');
      expect(found.map((f) => [f.severity, /取自其他部分/.test(messageText(f, 'zh'))])).toEqual([['warning', true]]);
    }
  });
  it('must stay silent: a bracketed qualifier narrows the label (（调整后）, （含上年结转）)', () => {
    expect(restatedOf(built('本年度项目支出预算150万元，实际支出145万元。', '本年度项目支出预算（调整后）160万元。'))).toEqual([]);
    expect(restatedOf(built('2023年支出合计1,200万元。', '2023年支出合计（含上年结转）1,260万元。'))).toEqual([]);
    // the same aside on both: one figure
    expect(findingsOf(built('本年度项目支出预算（调整后）160万元。', '本年度项目支出预算（调整后）166万元。'))).toEqual([['error', '166万元', '160万元']]);
  });
  it.each(['e-xinzhou-syxx-2018.docx', 'e-xinzhou-syxx-2018.pdf'])('%s: 年末结转和结余 164.61 (the department) and 30.65 (一般公共预算): silent', async (file) => {
    const { document } = await readDocument(`test/data/reports2/${file}`);
    expect(restatedOf(extractReport(document))).toEqual([]);
  });
});
