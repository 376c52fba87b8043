// Outline numbering: which numbered lines are headings, and how mixed numbering nests into a section tree.
import { describe, it, expect } from 'vitest';
import { readNumbering, parseNumbering, classifyNumberedLine, buildOutline } from '../src/model/prose/outline.js';
import type { Section } from '../src/model/schema.js';
import { rng, pick } from './helpers/rng.js';

describe('readNumbering', () => {
  it.each([
    ['一、部门基本情况', '一、', 'cn-dun', 1],
    ['     二、自评工作开展情况', '二、', 'cn-dun', 2],
    ['（一）部门概况', '（一）', 'cn-paren', 1],
    ['（十二）其他', '（十二）', 'cn-paren', 12],
    ['(一) 社区工作经费:', '(一)', 'cn-paren', 1],
    ['（2） 自评的方法和过程', '（2）', 'ar-paren', 2],
    ['1.宋营镇党委是…', '1.', 'ar-dot', 1],
    ['1．数量指标', '1．', 'ar-dot', 1],
    ['4、 存在的问题和建议', '4、', 'ar-dun', 4],
    ['10. 负责辖区内退役军人保障服务工作', '10.', 'ar-dot', 10],
    ['3）项目效益', '3）', 'ar-half', 3],
    ['②党建工作年度目标考核得分≥99', '②', 'circled', 2],
    ['１、全角数字', '１、', 'ar-dun', 1],
    // text that opens with a numeral is text, not more numbering
    ['一、一般公共预算收支完成情况', '一、', 'cn-dun', 1],
    ['三、三公经费支出情况', '三、', 'cn-dun', 3],
    ['1. 三元镇人民政府', '1.', 'ar-dot', 1],
  ])('%j → %s', (line, number, family, value) => {
    expect(readNumbering(line)).toMatchObject({ number, family, value });
  });

  it.each(['2023年，我镇年初共安排预算资金', '1.5万元用于', '一是落实政策。', '其中：项目27个', '（此件公开发布）', ''])('%j is not numbered', (line) => {
    expect(readNumbering(line)).toBeNull();
  });
});

describe('readNumbering asks the grammar only about lines shaped like numbering, and that changes no answer', () => {
  // on every paragraph and cell of the fixtures: test/corpus.test.ts (e2e)
  it('on random lines made of numbering characters', () => {
    const next = rng(20251123);
    const alphabet = ['（', '(', '）', ')', '一', '二', '十', '三', '1', '2', '0', '９', '１', '①', '⑳', '、', '.', '．', ' ', '\u3000', '\t', '年', '是', 'a', '%'];
    for (let i = 0; i < 20000; i++) {
      const length = 1 + Math.floor(next() * 10);
      let line = '';
      for (let j = 0; j < length; j++) line += pick(next, alphabet);
      expect([line, readNumbering(line)]).toEqual([line, parseNumbering(line)]);
    }
  });
});

describe('classifyNumberedLine', () => {
  const heading = (line: string) => classifyNumberedLine(line)?.heading ? classifyNumberedLine(line)!.title : null;
  it('takes short title-like lines as headings', () => {
    expect(heading('一、部门（单位）基本情况')).toBe('部门（单位）基本情况');
    expect(heading('（1）预算编审履职效果（5分）')).toBe('预算编审履职效果（5分）');
    expect(heading('1. 产出指标（质量指标）:')).toBe('产出指标（质量指标）');
    expect(heading('（二）部门预算项目绩效分析。')).toBe('部门预算项目绩效分析');
    expect(heading('（1）决策程序（4分）。')).toBe('决策程序（4分）');
  });
  it('takes a short title followed by body text as a run-in heading', () => {
    expect(heading('1.数量指标。2023年预算项目共有38个。')).toBe('数量指标');
    expect(heading('（三）项目评价等级。项目综合绩效评价分为4个等级：得分≥85分为优秀')).toBe('项目评价等级');
    expect(heading('（2）目标设置（4分）。绩效目标制定科学合理，规范完整。')).toBe('目标设置（4分）');
  });
  it('keeps numbered sentences and long paragraphs as list items', () => {
    expect(heading('1.宋营镇党委是党在农村的基层组织，是党在农村全部工作和战斗力的基础。')).toBeNull();
    expect(heading('1.部分项目资金支付进度滞后。')).toBeNull();
    expect(heading('2.绩效评价指标体系还不够完善、合理。财政支出的评价对象涉及项目之间差异性大。')).toBeNull();
    expect(heading('1. 社区服务群众专项经费：预算金额45万元，用于社区日常工作的顺利开展；')).toBeNull();
    expect(heading('4. 项目产出: 完成及时率 90%以上。')).toBeNull();
    expect(heading('②党建工作年度目标考核得分≥99')).toBeNull();
  });
});

const outline = (lines: string[]) =>
  buildOutline(lines.map((line, i) => ({ line, location: { file: 't', paragraph: i + 1 } }))).sections;
const shape = (sections: Section[]): unknown[] => sections.map((s) => (s.children.length ? [s.number, shape(s.children)] : s.number));

describe('buildOutline', () => {
  it('nests the canonical styles', () => {
    expect(shape(outline(['一、甲', '（一）乙', '1.丙', '（1）丁', '2.戊', '（二）己', '二、庚']))).toEqual([
      ['一、', [['（一）', [['1.', ['（1）']], '2.']], '（二）']], '二、',
    ]);
  });

  it('continues a list written in the other bracket style: （一） then （2）', () => {
    const s = outline(['一、部门（单位）基本情况', '（一）机构组成', '正文。', '（2） 机构职能', '（3） 人员概况', '二、部门资金收支情况', '（一）收入情况', '（2） 支出情况']);
    expect(shape(s)).toEqual([['一、', ['（一）', '（2）', '（3）']], ['二、', ['（一）', '（2）']]]);
    expect(s[0].children[1]).toMatchObject({ level: 2, title: '机构职能' });
  });

  it('reads a top level numbered 1、 二、 三、 4、 五、 with （1）/（二） below', () => {
    const s = outline(['1、 部门整体概况', '（1） 部门主要职责职能及人员情况', '1、党政综合办公室。负责机关文电运转。', '2、党建工作办公室。负责辖区党的建设。',
      '（二）部门预算执行情况', '二、绩效评价组织情况', '三、部门绩效管理开展的整体绩效实现情况', '4、 存在的问题和建议', '五、其他需要说明的问题']);
    expect(shape(s)).toEqual([
      ['1、', [['（1）', ['1、', '2、']], '（二）']], '二、', '三、', '4、', '五、',
    ]);
  });

  it('does not open sections for numbered list items', () => {
    const s = outline(['（一）部门概况', '1.宋营镇党委是党在农村的基层组织，是党在农村全部工作和战斗力的基础。', '2.宋营镇人大是基层地方国家权力机关，加强基层政权。', '（二）部门收支预决算情况']);
    expect(shape(s)).toEqual(['（一）', '（二）']);
  });

  it('returns, per line, the sections it falls under', () => {
    const { pathOf } = buildOutline(['一、甲', '正文', '（一）乙', '正文'].map((line) => ({ line, location: { file: 't' } })));
    expect(pathOf.map((p) => p.map((s) => s.title))).toEqual([['甲'], ['甲'], ['甲', '乙'], ['甲', '乙']]);
  });
});
