// List counts and 其中 lists as the reports of other provinces write them: intros, nouns, aliases, nested lists, exhaustive splits.
import { describe, it, expect } from 'vitest';
import { extractProse } from '../src/model/prose/index.js';
import { readDocument } from '../src/readers/index.js';
import type { SourceDocument } from '../src/document.js';
import type { Relation, RelationOf, Quantity } from '../src/model/schema.js';

const raw = (q?: Quantity) => q?.raw.replace(/\s+/g, '');
const of = <K extends Relation['kind']>(rs: Relation[], kind: K) => rs.filter((r): r is RelationOf<K> => r.kind === kind);

async function relations(name: string): Promise<Relation[]> {
  const { document } = await readDocument(`test/data/reports/${name}`);
  return extractProse(document).relations;
}

/** A paragraph-per-line document built at test time. */
function text(...lines: string[]): Relation[] {
  const doc: SourceDocument = { path: 'built.docx', format: 'docx', blocks: lines.map((t) => ({ type: 'paragraph', text: t })) };
  return extractProse(doc).relations;
}

const lists = (rs: Relation[]) => of(rs, 'list-count').map((r) => `${raw(r.count)} [${r.items.length}]`);
const sums = (rs: Relation[]) => of(rs, 'sum').map((r) => `${raw(r.total)} = ${r.parts.map(raw).join('+')}${r.exhaustive ? '' : ' (partial)'}`);

describe('list counts in the reports', () => {
  // The count in one sentence, the list in the next one, introduced by the same noun (内设组室…分别是).
  for (const file of ['d-taoyuan-xwb-2020.docx', 'd-taoyuan-xwb-2020.pdf']) {
    it(`${file}: 内设组室12个 … 内设组室分别是 twelve names, aliases in brackets inside their item`, async () => {
      const [list] = of(await relations(file), 'list-count');
      expect(raw(list.count)).toBe('12个');
      expect(list.items).toHaveLength(12);
      expect(list.items).toContain('督查室（中共桃源县委督查室）');
      expect(list.items[list.items.length - 1]).toBe('后勤组');
    });
  }

  it('d-xinshao: the same form within one paragraph, sixteen names', async () => {
    expect(lists(await relations('d-xinshao-xwb-2020.docx'))).toEqual(['16个 [16]']);
  });

  it('d-xizang: 设4个内设机构（正处级），即…; two lists whose last item is joined by 和; 两个', async () => {
    const rs = of(await relations('d-xizang-cl-2020.docx'), 'list-count');
    expect(rs.map((r) => `${raw(r.count)} [${r.items.join('|')}]`)).toEqual([
      '4个 [办公室（机关党委、政工人事处）|康复部|教育就业部|组织联络与维权部（宣传文体部）]',
      '2个 [机关后勤服务中心|信息中心]',
      '两个 [自治区残疾人康复服务中心|西藏自治区残疾人就业服务中心]',
    ]);
  });

  it('d-yongxing: 内设置12个股室，即：… with a bracket holding two aliases', async () => {
    const [list] = of(await relations('d-yongxing-wlgt-2022.docx'), 'list-count');
    expect(list.items).toHaveLength(12);
    expect(list.items).toContain('市场管理和质量安全监督股（推广传播和交流合作股、行政审批股）');
  });

  it('c-suizhou: 内设2个中队，即A、B — twice', async () => {
    expect(lists(await relations('c-suizhou-zdfj-2019.docx'))).toEqual(['2个 [2]', '2个 [2]']);
  });

  for (const file of ['e-lincheng-xjzj-2021.docx', 'e-lincheng-xjzj-2021.pdf']) {
    it(`${file}: towns with their villages in brackets, then 5个乡镇11个村; 等八个乡镇 is no count`, async () => {
      const rs = of(await relations(file), 'list-count');
      expect(rs.map((r) => `${raw(r.count)} [${r.items.length}]`)).toEqual(['5个 [5]', '11个 [11]']);
      expect(rs[0].items).toEqual(['临城镇', '黑城镇', '石城乡', '郝庄镇', '赵庄乡']);
      expect(rs[1].items).toContain('鸡亮村');
    });
  }

  it('c-lincang: 中央八项规定 before a numbered list is a name, not a count', async () => {
    expect(lists(await relations('c-lincang-weishuming-2018.docx'))).toEqual([]);
  });

  it('c-wlmq: 下设0个处室，分别是：我单位无下设处室 — a sentence, not a list', async () => {
    expect(lists(await relations('c-wlmq-zwfw-2023.docx'))).toEqual([]);
  });

  it('built: items written name：type count once each', () => {
    const rs = of(text('下设事业单位3个，分别是：综合服务中心：公益一类；农业服务站：公益一类；文化站：公益二类。'), 'list-count');
    expect(rs.map((r) => r.items)).toEqual([['综合服务中心：公益一类', '农业服务站：公益一类', '文化站：公益二类']]);
  });

  it('built: a ，-list closed by ；(办公室，负责…；财务科，负责…) is ambiguous: no count', () => {
    expect(lists(text('内设机构3个：办公室，负责综合协调；财务科，负责财务管理；业务科，负责业务指导。'))).toEqual([]);
  });

  it('built: a category word (一类, 二级) is no count', () => {
    expect(lists(text('属公益一类：全额拨款事业单位、差额事业单位。为二级：预算单位、核算单位。'))).toEqual([]);
  });

  it('built: 等16个股室 followed by some of the names is no count', () => {
    expect(lists(text('设办公室等16个股室，分别是：办公室、财务股、人事股、法规股、审批股、执法队。'))).toEqual([]);
  });

  it('built: 和 inside a name is not a separator; the last item split only where both halves are items', () => {
    expect(of(text('内设3个科室，即办公室、文秘和档案科、财务科。'), 'list-count')[0].items).toEqual(['办公室', '文秘和档案科', '财务科']);
    expect(of(text('下设3个中心，即数据中心、服务中心和信息中心。'), 'list-count')[0].items).toEqual(['数据中心', '服务中心', '信息中心']);
    // 和 in the last item, its halves not both items of the list's kind: ambiguous, so no relation rather than a guess.
    expect(lists(text('内设3个科室，即办公室、财务科、文秘和档案科。'))).toEqual([]);
    expect(lists(text('下设2个单位，即综合和档案服务中心。'))).toEqual([]);
  });

  it('built: a verb after the count makes the list one of tasks, not of the counted things', () => {
    expect(lists(text('设有3个科室负责具体业务，包括审批、监管、服务。'))).toEqual([]);
  });

  it('built: items carrying amounts in figures make a list of clauses, no count; a Chinese numeral in a name does not', () => {
    expect(lists(text('实施项目2个，分别是：道路项目62.33万元、饮水项目８万元。'))).toEqual([]);
    expect(lists(text('实施项目2个，分别是：道路项目、饮水项目。'))).toEqual(['2个 [2]']);
    expect(lists(text('设3个工作组，即一人一档组、综合组、督导组。'))).toEqual(['3个 [3]']);
  });

  it('built: 3个内设机构 is a count (内设 is not the bound 以内); 3个工作日内 is not', () => {
    expect(lists(text('设3个内设机构，即办公室、业务科、财务科。'))).toEqual(['3个 [3]']);
    expect(lists(text('在3个工作日内：受理、审核、办结。'))).toEqual([]);
  });
});

describe('其中 lists in the reports', () => {
  it('d-xundian: 在职实有 = 财政全额 + 差额 + 专户/单位资金 (exhaustive, zeros included); 离退休 = 离休 + 退休', async () => {
    expect(sums(await relations('d-xundian-xwb-2023.docx'))).toEqual(['32人 = 32人+0人+0人', '16人 = 0人+16人']);
  });

  it('e-leiyang: 共计 = 上级资金 + 本级 (exhaustive)', async () => {
    expect(sums(await relations('e-leiyang-dszx-2022.docx'))).toEqual(['239万元 = 179.25万元+59.75万元']);
  });

  it('d-hetang: 在职/离休/退休 and 年初预算/调整追加 are exhaustive; 支出 over three parts, one above nothing, is read open', async () => {
    expect(sums(await relations('d-hetang-fl-2022.docx')))
      .toEqual(['3人 = 3人+0人+0人', '69.06万元 = 57.28万元+11.78万元', '76.36万元 = 76.36万元+0万元+0万元 (partial)']);
  });

  it('d-taoyuan: 行政/工勤编制 exhaustive; 公务员 + 工勤人员 stays partial', async () => {
    expect(sums(await relations('d-taoyuan-xwb-2020.docx'))).toEqual(['45人 = 37人+8人', '40人 = 35人+5人 (partial)']);
  });

  it('d-xizang and d-yongxing: kinds of 编制 in brackets and in a five-part list are exhaustive', async () => {
    expect(sums(await relations('d-xizang-cl-2020.docx'))).toEqual(['29人 = 21人+8人']);
    expect(sums(await relations('d-yongxing-wlgt-2022.docx'))).toEqual(['51名 = 9名+42名+0名+0名+0名']);
  });

  it('c-aba and c-wlmq: 在职/离休/退休 exhaustive; 乡镇/寺庙派出所 and 政法专项/工勤 partial', async () => {
    expect(sums(await relations('c-aba-gaj-2021.docx'))).toEqual(['28个 = 21个+7个 (partial)', '244人 = 230人+14人 (partial)']);
    expect(sums(await relations('c-wlmq-zwfw-2023.docx'))).toContain('11人 = 10人+0人+1人');
  });

  it('built: the list ends where the category changes (在职 … 退休职工 is not a part of 在职)', () => {
    expect(sums(text('实有在职人员62人，其中行政编制26人，事业编制36人，退休职工28人。'))).toEqual(['62人 = 26人+36人']);
  });

  it('built: a bracket the writer closed after the first part — the parts after it continue a split, nothing else does', () => {
    expect(sums(text('实有在职人员62人（其中行政编制26人），事业编制36人。'))).toEqual(['62人 = 26人+36人']);
    expect(sums(text('编外人员50人（含临聘人员20人），村干部30人。'))).toEqual([]);
  });

  it('built: 等 after the last part leaves even a split open', () => {
    expect(sums(text('项目资金100万元，其中中央资金60万元、地方资金30万元等。'))).toEqual(['100万元 = 60万元+30万元 (partial)']);
  });

  it('built: a nested 含 list is a sum of its own, not parts of the outer one', () => {
    expect(sums(text('项目资金100万元，其中中央资金60万元（含基建资金20万元、运行资金30万元），地方资金40万元。'))).toEqual([
      '100万元 = 60万元+40万元',
      '60万元 = 20万元+30万元 (partial)',
    ]);
  });

  it('built: a part broken down by a second 其中: its own parts are skipped, and its list ends at ； or a sibling category', () => {
    expect(sums(text('支出100万元，其中基本支出60万元，其中人员经费50万元、公用经费10万元，项目支出40万元。'))).toEqual([
      '100万元 = 60万元+40万元',
      '60万元 = 50万元+10万元',
    ]);
    expect(sums(text('收入合计500万元，其中财政拨款收入400万元，其中一般公共预算380万元，政府性基金20万元；事业收入100万元。'))).toEqual([
      '500万元 = 400万元+100万元 (partial)',
      '400万元 = 380万元+20万元',
    ]);
  });

  it('built: numbered parts after 其中： are parts; 另有… is a statement of its own', () => {
    expect(sums(text('2023年支出100万元。其中：1、基本支出60万元；2、项目支出40万元。'))).toEqual(['100万元 = 60万元+40万元']);
    expect(sums(text('年末实有人员20人，其中：在职人员15人，退休人员5人；另有临聘人员3人。'))).toEqual(['20人 = 15人+5人']);
  });

  it('built: an open list (some named parts, 等) stays partial; parts of different kinds stay partial', () => {
    expect(sums(text('资金总额300万元，其中道路工程120万元，桥梁工程100万元等。'))).toEqual(['300万元 = 120万元+100万元 (partial)']);
    expect(sums(text('编外人员50人，其中临聘人员20人，公益性岗位15人，村干部10人。'))).toEqual(['50人 = 20人+15人+10人 (partial)']);
  });

  it('built: 一般公共预算/政府性基金 and 基本支出/项目支出 are exhaustive', () => {
    expect(sums(text('共有27个项目，其中一般公共预算项目24个，政府性基金预算项目3个。'))).toEqual(['27个 = 24个+3个']);
    expect(sums(text('本年支出500万元，其中：基本支出300万元，项目支出200万元。'))).toEqual(['500万元 = 300万元+200万元']);
  });
});
