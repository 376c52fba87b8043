// The relation kinds of 决算/预算说明 prose, read from real documents (test/data/reports) and from sentences built here.
import { describe, it, expect } from 'vitest';
import { reportRelations, lineRelations } from './helpers/relations.js';

const relationsOf = (name: string) => reportRelations(name, 'omit');
const fromLines = (...lines: string[]) => lineRelations(lines, 'omit');

describe('change by difference: previous = current ∓ change', () => {
  it('大姚: 本期 in the same sentence, past a 完成年初预算 rate, and after 其中 for each part', async () => {
    const rs = await relationsOf('c-dayao-czsz-2024.docx');
    expect(rs).toContain('growth decrease _→24627万元 Δ1070万元 4.2%');
    expect(rs).toContain('growth increase _→8103万元 Δ1284万元 18.8%');
    expect(rs).toContain('growth decrease _→16524万元 Δ2354万元 12.5%');
    expect(rs).toContain('growth decrease _→107752万元 Δ9240万元 7.9%');
  });
  it('荣昌: 本期 in the paragraph’s opening sentence', async () => {
    expect(await relationsOf('c-rongchang-zgh-2024.docx')).toContain('growth decrease _→357.21万元 Δ17.84万元 4.8%');
  });
  it('乌鲁木齐: 本期 in the totals the paragraphs before open with (收入总计 = 支出总计)', async () => {
    expect(await relationsOf('c-wlmq-zwfw-2023.docx')).toContain('growth increase _→434.72万元 Δ58.21万元 15.46%');
  });
  it('临沧: 本期 in the paragraph before (预算总额), and none for a numbered item whose total is not stated', async () => {
    const rs = await relationsOf('c-lincang-weishuming-2018.docx');
    expect(rs).toContain('growth decrease _→2.7万元 Δ0.06万元 0.02%');
    expect(rs.filter((r) => r.startsWith('growth'))).toHaveLength(1);
  });
  it('宣州: 本期 in the same sentence, 比2019年预算减少', async () => {
    expect(await relationsOf('c-xuanzhou-zgw-2020.docx')).toContain('growth decrease _→0.36万元 Δ0.02万元 5.26%');
  });
  it('英德: both years stated around the change (2016年…8万元，2015年…12.5万元；对比减少4.35万元)', async () => {
    const rs = await relationsOf('c-yingde-jxj-2016.docx');
    expect(rs).toContain('growth decrease 57.55万元→33万元 Δ24.55万元 _');
    expect(rs).toContain('growth decrease 12.5万元→8万元 Δ4.35万元 35.22%');
    expect(rs).toContain('growth decrease 45.2万元→25万元 Δ20.20万元 44.69%');
  });
  it('two periods stated without a comparison word: 上年…，本年…，减少 / 2023年…，比2022年的…减少', () => {
    expect(fromLines('上年决算数120万元，本年决算数100万元，减少20万元，下降16.7%。')).toContain('growth decrease 120万元→100万元 Δ20万元 16.7%');
    expect(fromLines('2023年支出100万元，比2022年的120万元减少20万元，下降16.7%。')).toContain('growth decrease 120万元→100万元 Δ20万元 16.7%');
    expect(fromLines('2023年一般公共预算财政拨款支出500万元，同比增收50万元，增长11.1%。')).toContain('growth increase _→500万元 Δ50万元 11.1%');
  });
  it('no pair when the two periods’ amounts are different things (上年支出, 本年收入)', () => {
    expect(fromLines('上年支出120万元，本年收入100万元，减少20万元。').filter((r) => r.startsWith('growth'))).toEqual([]);
  });
  it('no relation when 本期 is ambiguous: two amounts before the change and neither a rate’s denominator', () => {
    expect(fromLines('本年收入100万元，支出90万元，比上年增加10万元，增长11.1%。').filter((r) => r.startsWith('growth'))).toEqual([]);
  });
  it('no relation when the paragraphs before open with totals that disagree', () => {
    expect(fromLines('收入总计100万元。', '支出总计90万元。', '与上年相比，增加10万元，增长11.1%。').filter((r) => r.startsWith('growth'))).toEqual([]);
  });
  it('no relation when the rate’s direction contradicts the change (减0.04万元，增0.01%)', () => {
    expect(fromLines('商品和服务支出100万元，较上年减0.04万元，增0.01%。').filter((r) => r.startsWith('growth'))).toEqual([]);
  });
  it('no relation for 占比/较好 read as a comparison (占比下降2个百分点 / 较好完成…减少)', () => {
    expect(fromLines('本年支出100万元，人员经费占比下降2万元，下降2%。').filter((r) => r.startsWith('growth'))).toEqual([]);
  });
  it('no relation for a change with no comparison (项目压减7.00万元)', () => {
    expect(fromLines('项目资金300万元，其中培训项目压减7.00万元，下降2.3%。').filter((r) => r.startsWith('growth'))).toEqual([]);
  });
});

describe('the change of a whole = the sum of its parts’ changes', () => {
  it('大姚: after 其中, a part changing the other way counts negative', async () => {
    expect(await relationsOf('c-dayao-czsz-2024.docx')).toContain('sum 1070万元 = −1284万元 + 2354万元 (partial)');
  });
  it('临沧: in the numbered items after 如下：', async () => {
    expect(await relationsOf('c-lincang-weishuming-2018.docx')).toContain('sum 17.1万元 = 18.67万元 + −0.04万元 + 0.11万元 (partial)');
  });
  it('宣州: in the numbered items (一)(二)(三)', async () => {
    expect(await relationsOf('c-xuanzhou-zgw-2020.docx')).toContain('sum 0.02万元 = 0万元 + 0.02万元 + 0万元 (partial)');
  });
  it('湛江: after 其中, a part whose change is left blank is left out', async () => {
    expect(await relationsOf('c-zhanjiang-swxcb-2017.docx')).toContain('sum 2.28万元 = 0.28万元 + 2万元 (partial)');
  });
  it('英德: with both years stated, each year’s amounts add up too', async () => {
    const rs = await relationsOf('c-yingde-jxj-2016.docx');
    expect(rs).toContain('sum 24.55万元 = 4.35万元 + 20.20万元 (partial)');
    expect(rs).toContain('sum 57.55万元 = 12.5万元 + 45.2万元 (partial)');
    expect(rs).toContain('sum 33万元 = 8万元 + 25万元 (partial)');
  });
});

describe('rates besides 执行率', () => {
  it('大姚: 完成年初预算数A的Y% and 完成预算数A的Y% divide the amount before by A', async () => {
    const rs = await relationsOf('c-dayao-czsz-2024.docx');
    expect(rs).toContain('rate 完成年初预算数 40.4% = 24627万元 / 60999万元');
    expect(rs).toContain('rate 完成预算数 41.9% = 107752万元 / 257288万元');
    expect(rs).toContain('rate 完成年初预算数 21.5% = 5308万元 / 24710万元');
  });
  it('built: 完成年初预算的Y% in another wording', () => {
    expect(fromLines('全年支出累计完成860万元，完成年初预算数1000万元的86%。')).toContain('rate 完成年初预算数 86% = 860万元 / 1000万元');
  });
  it('酒厂: 年度资金 is the budget; the one other amount is what was spent', async () => {
    expect(await relationsOf('e-jiuchang-fpzj-2020.docx')).toContain('rate 执行率 100% = 40.83万元 / 40.83万元');
  });
  it('built: 到位率 with 年度资金 and 到位资金', () => {
    expect(fromLines('年度资金50万元，实际到位资金45万元，资金到位率90%。')).toContain('rate 资金到位率 90% = 45万元 / 50万元');
  });
});

describe('totals built in words (由…构成/组成, DOMAIN.md)', () => {
  it('X万元，由A、B和C构成 → X = A + B + C', () => {
    expect(fromLines('2023年收入总计500万元，由财政拨款收入450万元、事业收入30万元和其他收入20万元构成。'))
      .toContain('sum 500万元 = 450万元 + 30万元 + 20万元');
  });
  it('X万元，由A万元，加B等C万元组成 → X = A + C', () => {
    expect(fromLines('本年支出合计300万元，由基本支出200万元，加项目支出等100万元组成。')).toContain('sum 300万元 = 200万元 + 100万元');
  });
  it('one amount inside is no sum; a count among amounts is no sum', () => {
    expect(fromLines('2023年收入总计500万元，主要由财政拨款收入450万元构成。').filter((r) => r.startsWith('sum'))).toEqual([]);
    expect(fromLines('项目资金500万元，由3个乡镇的200万元和300万元构成。').filter((r) => r.startsWith('sum'))).toEqual([]);
  });
});

describe('rates named by their own operands', () => {
  it.each([
    ['年初预算200万元，年中追加预算20万元，预算控制率10%。', 'rate 预算控制率 10% = 20万元 / 200万元'],
    ['年初预算200万元，年末结转资金30万元，结转率15%。', 'rate 结转率 15% = 30万元 / 200万元'],
    ['上级下达资金500万元，已分配资金450万元，资金分配率90%。', 'rate 资金分配率 90% = 450万元 / 500万元'],
    ['项目预算100万元，已支付80万元，支付率80%。', 'rate 支付率 80% = 80万元 / 100万元'],
    ['计划投资300万元，实际完成投资270万元，投资完成率90%。', 'rate 投资完成率 90% = 270万元 / 300万元'],
  ])('%s', (text, expected) => {
    expect(fromLines(text)).toContain(expected);
  });
  it('no 预算控制率 when the 追加 amount is not named', () => {
    expect(fromLines('年初预算200万元，全年预算220万元，预算控制率10%。').filter((r) => r.startsWith('rate'))).toEqual([]);
  });
});

describe('shares of a whole stated earlier, and shares adding to 100%', () => {
  it('a long share list with 占0% is one complete share relation', () => {
    expect(fromLines('收入合计100万元，其中财政拨款80万元，占80%；事业收入20万元，占20%；经营收入0万元，占0%；其他收入0万元，占0%。'))
      .toContain('share 100万元: 80万元→80%, 20万元→20%, 0万元→0%, 0万元→0% complete');
  });
  it('汕头: 占总支出的 finds 支出合计 in the paragraph before; the 其中 list is held to 100%', async () => {
    const rs = await relationsOf('c-shantou-dxyxy-2016.docx');
    expect(rs).toContain('share 26,994.72万元: 12,270.36万元→45.46%');
    expect(rs).toContain('share 26,994.72万元: 12,270.36万元→45.46%, 14,629.33万元→54.19%, 95.03万元→0.35% complete');
  });
  it('汕头: one share per paragraph of the same whole makes a run held to 100% (docx and PDF)', async () => {
    for (const name of ['c-shantou-dxyxy-2016.docx', 'c-shantou-dxyxy-2016.pdf']) {
      const rs = await relationsOf(name);
      expect(rs, name).toContain('share _: 12,270.36万元→45.46%, 14,629.33万元→54.19%, 95.03万元→0.35% complete');
    }
    expect(await relationsOf('c-shantou-dxyxy-2016.docx'))
      .toContain('share _: 9,787.85万元→35.39%, 5,738.74万元→20.74%, 12,037.17万元→43.51%, 100.95万元→0.36% complete');
  });
  it('a share list whose names do not cover the whole is not held to 100%, whatever the numbers', () => {
    const rs = fromLines('支出合计100万元，其中培训费40万元，占总支出的40%，会议费30万元，占总支出的30%。');
    expect(rs).toContain('share 100万元: 40万元→40%, 30万元→30%');
  });
  it('a list with 其他 or both of 基本支出/项目支出 is held to 100%', () => {
    expect(fromLines('支出合计100万元，其中基本支出60万元，占总支出的60%，项目支出40万元，占总支出的40%。'))
      .toContain('share 100万元: 60万元→60%, 40万元→40% complete');
  });
  it('no whole when the totals in reach that could be 总支出 disagree', () => {
    const rs = fromLines('本单位支出合计100万元。', '我院支出合计120万元。', '基本支出60万元，占总支出的50%。');
    expect(rs.filter((r) => r.includes('→50%'))).toEqual([]);
  });
});
