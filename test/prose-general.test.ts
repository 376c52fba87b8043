// Prose relations the development set shows once or twice, held in general form: wholes stated earlier in their
// section, 其中： lists continued in the paragraphs after, a change's two years in two sentences; real copies in
// test/data/reports and paraphrases of other provinces' wording.
import { describe, it, expect } from 'vitest';
import { reportRelations, lineRelations } from './helpers/relations.js';

const relationsOf = (name: string) => reportRelations(name, 'name');
const fromLines = (...lines: string[]) => lineRelations(lines, 'name');

describe('a share of a whole the section stated earlier under the writer’s own name', () => {
  it('乌鲁木齐-style 本年收入合计, then 占收入合计的Y% in the numbered paragraphs of the next section', () => {
    const rs = fromLines(
      '一、收入支出决算总体情况说明',
      '2023年度收入总计520.40万元，其中：本年收入合计512.30万元，年初结转和结余8.10万元。',
      '二、收入决算情况说明',
      '本年收入合计512.30万元，比上年增加12.30万元，增长2.46%。',
      '（一）财政拨款收入480.20万元，占收入合计的93.73%。',
      '（二）其他收入32.10万元，占收入合计的6.27%。',
    );
    expect(rs).toContain('share 512.30万元: 480.20万元→93.73%');
    expect(rs).toContain('share 512.30万元: 32.10万元→6.27%');
    expect(rs).toContain('share _: 480.20万元→93.73%, 32.10万元→6.27% complete');
  });
  it('汕头-style 我院支出合计 stated once, the shares more than five paragraphs further down the same section', () => {
    const rs = fromLines(
      '二、支出构成情况',
      '2022年我院支出合计2,000.00万元，主要用于以下方面：',
      '①一般公共服务支出1,200.00万元，占支出合计的60.00%，主要用于机关运行。',
      '主要是人员工资。', '主要是日常公用。', '主要是会议培训。', '主要是差旅。',
      '②社会保障和就业支出500.00万元，占支出合计的25.00%。',
      '主要是养老保险缴费。', '主要是职业年金。',
      '③住房保障支出300.00万元，占支出合计的15.00%。',
    );
    expect(rs).toContain('share 2,000.00万元: 1,200.00万元→60.00%');
    expect(rs).toContain('share 2,000.00万元: 500.00万元→25.00%');
    expect(rs).toContain('share 2,000.00万元: 300.00万元→15.00%');
  });
  it('two different values under the name in reach: no whole is guessed', () => {
    const rs = fromLines(
      '二、支出构成情况',
      '2022年本年支出合计1,800.00万元。2023年本年支出合计2,000.00万元。',
      '（一）一般公共服务支出1,200.00万元，占支出合计的60.00%。',
    );
    expect(rs.filter((r) => r.startsWith('share'))).toEqual([]);
  });
  it('further back, a whole from another top-level section is not used', () => {
    const rs = fromLines(
      '一、收入情况', '本年收入合计900.00万元。', '甲。', '乙。', '丙。', '丁。', '戊。',
      '二、支出情况', '（一）基本支出600.00万元，占收入合计的66.67%。',
    );
    expect(rs.filter((r) => r.startsWith('share'))).toEqual([]);
  });
});

describe('TOTAL，其中： with its parts in the paragraphs after it', () => {
  it('井研: 其中： then one heading per part, each amount in the paragraph under its heading; and 785 past its change rate', async () => {
    const rs = await relationsOf('c-jingyan-sgjf-2020.docx');
    expect(rs).toContain('sum 1023万元 = 0万元 + 785万元 + 238万元');
    expect(rs).toContain('sum 785万元 = 274万元 + 511万元');
  });
  it('临沧: an item ending 其中： and its parts in the unnumbered paragraph after it', async () => {
    expect(await relationsOf('c-lincang-weishuming-2018.docx')).toContain('sum 1.5万元 = 0万元 + 1.5万元');
  });
  it('numbered items 1. 2. 3. each with its amount on its own line', () => {
    const rs = fromLines('本年支出合计980.65万元，其中：', '1.基本支出720.45万元，主要用于人员工资和日常运转；', '2.项目支出260.20万元，主要用于专项业务工作。');
    expect(rs).toContain('sum 980.65万元 = 720.45万元 + 260.20万元');
  });
  it('an item that states two amounts (预算 and 决算) makes the list ambiguous: no sum', () => {
    const rs = fromLines('“三公”经费决算支出12.50万元，其中：', '1.因公出国（境）费预算5.00万元，决算3.00万元；', '2.公务接待费预算10.00万元，决算9.50万元。');
    expect(rs.filter((r) => r.startsWith('sum'))).toEqual([]);
  });
  it('sub-items inside an item, then the items go on: the list cannot be delimited, no sum', () => {
    const rs = fromLines('本年支出合计1000.00万元，其中：', '一、基本支出700.00万元', '（一）人员经费600.00万元', '（二）公用经费100.00万元', '二、项目支出300.00万元');
    expect(rs.filter((r) => r.startsWith('sum 1000.00'))).toEqual([]);
  });
  it('a change amount before 其中： is no total of the parts after it', () => {
    const rs = fromLines('本年支出比上年增加50.00万元，增长5.00%。其中：', '1.基本支出720.45万元；', '2.项目支出260.20万元。');
    expect(rs.filter((r) => r.startsWith('sum'))).toEqual([]);
  });
});

describe('a change whose two years’ amounts are in two sentences', () => {
  it('20XX年…A万元。比上年（20XX年）的B万元减少X万元，下降Y%: B is the previous amount, A the current', () => {
    expect(fromLines('2023年“三公”经费支出12.30万元。比上年（2022年）的15.60万元减少3.30万元，下降21.15%。'))
      .toContain('growth decrease 15.60万元→12.30万元 Δ3.30万元 21.15%');
  });
  it('…A万元，占…。与20XX年度的B万元相比，增加X万元，增长Y%', () => {
    expect(fromLines('本年度一般公共预算财政拨款支出856.30万元，占本年支出合计的92.15%。与2022年度的780.20万元相比，增加76.10万元，增长9.75%。'))
      .toContain('growth increase 780.20万元→856.30万元 Δ76.10万元 9.75%');
  });
  it('…A万元。上年为B万元，增长Y% (a rate with no change amount)', () => {
    expect(fromLines('2023年度部门收入总计1,523.62万元。上年为1,402.18万元，增长8.66%。'))
      .toContain('growth increase 1,402.18万元→1,523.62万元 Δ_ 8.66%');
    expect(fromLines('2023年机关运行经费支出45.60万元，上年同期50.00万元，下降8.80%。'))
      .toContain('growth decrease 50.00万元→45.60万元 Δ_ 8.80%');
  });
  it('本年度A beside 与2022年度的B相比 in one sentence: B is the earlier (once read the other way round, a false error)', () => {
    const rs = fromLines('本年度一般公共预算财政拨款支出856.30万元，与2022年度的780.20万元相比，增加76.10万元，增长9.75%。');
    expect(rs).toEqual(['growth increase 780.20万元→856.30万元 Δ76.10万元 9.75%']);
    expect(fromLines('今年“三公”经费支出12.30万元，比2022年的15.60万元减少3.30万元，下降21.15%。'))
      .toEqual(['growth decrease 15.60万元→12.30万元 Δ3.30万元 21.15%']);
  });
  it('衢江-style 与20XX年决算数对比: the two stated years order the amounts', () => {
    expect(fromLines('公务接待费2016年决算数1356万元，与2015年决算数1400万元对比减少44万元，下降3.14%。'))
      .toContain('growth decrease 1400万元→1356万元 Δ44万元 3.14%');
  });
  it('the sentence before states two amounts, or the comparison sentence names a subject of its own: no growth', () => {
    expect(fromLines('2023年收入合计1,523.62万元，其中财政拨款1,400.00万元。比上年的1,402.18万元增加121.44万元，增长8.66%。')
      .filter((r) => r.startsWith('growth'))).toEqual([]);
    expect(fromLines('2023年收入合计1,523.62万元。支出合计比上年的1,402.18万元增加121.44万元，增长8.66%。')
      .filter((r) => r.startsWith('growth'))).toEqual([]);
  });
});
