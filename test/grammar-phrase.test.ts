// Paragraph → sentences → clauses → labelled quantities, on real phrasing including PDF spacing and asides.
import { describe, it, expect } from 'vitest';
import { parseParagraph, cleanLabel } from '../src/model/prose/phrases.js';

const labels = (text: string) => parseParagraph(text).quantities.map((q) => [q.label, q.raw]);

describe('parseParagraph', () => {
  it('labels each amount with the words before it', () => {
    expect(labels('2023年，我镇年初共安排预算资金8593.66万元，调整预算数9883.28万元，截至12月底，共完成支付8724.90万元，预算执行率88.28%。')).toEqual([
      ['', '2023年'], ['年初共安排预算资金', '8593.66万元'], ['调整预算数', '9883.28万元'], ['', '12月'],
      ['完成支付', '8724.90万元'], ['预算执行率', '88.28%'],
    ]);
  });

  it('tolerates PDF spaces between Chinese and digits', () => {
    expect(labels('泉坊镇 2023 年房租：预算金额 35 万元，年租金为：35 万元。').slice(1)).toEqual([['预算金额', '35 万元'], ['', '35 万元']]);
  });

  it('labels quantities in an aside by the aside, and text around an aside labels what follows it', () => {
    const q = parseParagraph('编外人员170人(含本土人才12个、村干部47人、组干部70人（含监督委员主任）、遗属人员2个），行政编制（含工勤编制）人员24人。').quantities;
    expect(q.map((x) => [x.label, x.value, x.bracketDepth])).toEqual([
      ['编外人员', 170, 0], ['本土人才', 12, 1], ['村干部', 47, 1], ['组干部', 70, 1], ['遗属人员', 2, 1], ['行政编制人员', 24, 0],
    ]);
  });

  it('splits sentences at 。 and clauses at ，；：', () => {
    const p = parseParagraph('其中：基本支出1132.68万元，占70.82%；项目支出466.7万元。下一句。');
    expect(p.sentences.map((s) => s.clauses.map((c) => c.closer))).toEqual([['：', '，', '；', '。'], ['。']]);
    expect(p.quantities.find((q) => q.raw === '70.82%')?.label).toBe('占');
  });

  it('reads a wrapped number and full-width digits', () => {
    expect(parseParagraph('人员经费1,059.3\n9万元').quantities[0]).toMatchObject({ value: 1059.39, decimals: 2, unit: '万元' });
    expect(parseParagraph('执行率为９０．０７％').quantities[0]).toMatchObject({ value: 90.07, decimals: 2, unit: '%' });
  });

  it('reads odd text as text: sentences that cover it, and a quantity only where there is a number', () => {
    for (const t of ['（（（', '）', '“”', '1,', '——', '％％', '合计：。']) {
      const p = parseParagraph(t);
      expect(p.text).toBe(t);
      expect(p.sentences.map((x) => x.text).join(''), t).toBe(t);
      expect(p.quantities.map((q) => q.raw), t).toEqual(t === '1,' ? ['1'] : []);
    }
    expect(parseParagraph('')).toEqual({ text: '', sentences: [], quantities: [] });
  });
});

describe('cleanLabel', () => {
  it.each([
    ['预算总金额为', '预算总金额'],
    ['资金执行率达到', '资金执行率'],
    ['金额合计', '金额合计'],
    ['其中一般公共预算项目', '一般公共预算项目'],
    ['行政编制（含工勤编制）人员', '行政编制人员'],
    ['“三公”经费预算金额为', '三公经费预算金额'],
    ['资金执行率达', '资金执行率'],
    ['全年实际下达', '全年实际下达'],
    ['省级资金已到达', '省级资金已到达'],
  ])('%j → %j', (raw, clean) => expect(cleanLabel(raw)).toBe(clean));
});

describe('the structure of a sentence: ；-groups, ，-clauses, 、-items, asides', () => {
  /** A sentence's structure as text: groups split by ' ; ', clauses by ' , ', items by ' / ', asides in [ ]. */
  const shape = (text: string): string[] => {
    const p = parseParagraph(text);
    const render = (groups: typeof p.sentences[0]['groups']): string => groups.map((g) => g.clauses.map((c) => c.items.map((it) =>
      it.elements.map((e) => (e.kind === 'quantity' ? e.q.raw : e.kind === 'marker' ? `<${e.word}>` : e.kind === 'aside'
        ? `[${e.aside.closed ? '' : 'open:'}${render(e.aside.groups)}]` : e.kind === 'docref' ? '#' : ':')).join(' ')).join(' / ')).join(' , ')).join(' ; ');
    return p.sentences.map((s) => render(s.groups));
  };

  it('splits by separator rank and keeps the markers', () => {
    expect(shape('实有人员76人，其中在职48人（行政22人、事业26人），退休28人；临聘3人。下一句5人。')).toEqual([
      '76人 , <其中> 48人 [22人 / 26人] , 28人 ; 3人', '5人',
    ]);
  });

  it('nests asides, and an aside may hold ；', () => {
    expect(shape('编外人员170人(含本土人才12个、组干部70人（含监督委员主任）；遗属人员2个）。')).toEqual([
      '170人 [<含> 12个 / 70人 [<含>] ; 2个]',
    ]);
  });

  it('an opening bracket never closed ends its aside at the sentence’s stop, not the paragraph’s end', () => {
    const p = parseParagraph('农户5户（甲村3户，乙村2户。补贴13.6万元。');
    expect(p.sentences).toHaveLength(2);
    expect(p.quantities.map((q) => [q.raw, q.bracketDepth, q.sentence])).toEqual([['5户', 0, 0], ['3户', 1, 0], ['2户', 1, 0], ['13.6万元', 0, 1]]);
    expect(shape('农户5户（甲村3户，乙村2户。')).toEqual(['5户 [open:3户 , 2户]']);
  });

  it('a document number is one token: its digits are no amounts and its brackets no aside', () => {
    const p = parseParagraph('下达我区111万元（福财直〔2020〕67号），其中救助资金100万元。');
    expect(p.quantities.map((q) => q.raw)).toEqual(['111万元', '100万元']);
    expect(shape('下达我区111万元（福财直〔2020〕67号），其中救助资金100万元。')).toEqual(['111万元 [#] , <其中> 100万元']);
  });

  it('含 inside a word is no marker; a closing bracket with no opening is text', () => {
    expect(shape('含义明确的资金50万元）。')).toEqual(['50万元']);
  });

  it('places each quantity in its container', () => {
    const q = parseParagraph('合计100万元，其中A 60万元、B 40万元；C 5万元（甲2万元，乙3万元）。').quantities;
    expect(q.map((x) => [x.raw, x.at.group, x.at.clause, x.at.item])).toEqual([
      ['100万元', 0, 0, 0], ['60万元', 0, 1, 0], ['40万元', 0, 1, 1], ['5万元', 1, 0, 0], ['2万元', 0, 0, 0], ['3万元', 0, 1, 0],
    ]);
  });
});
