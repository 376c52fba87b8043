// The lexicon is the one home of the genre's words and numbers: its parsers and predicates, and invariants that fail on a stray copy.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import {
  CATEGORY_GROUPS, COMPLEMENTARY_CATEGORIES, NAMED_RATIOS, coveredBy, groupNamed, membersNamed,
  COUNT_UNITS, LIST_COUNT_UNITS, NATIONAL_BANDS, PROSE_TOTAL_WORDS, SCANNED_UNITS, SUBTOTAL_WORDS, TOTAL_WORDS,
  comparedYears, coversWhole, describeBands, gradeOf, inMoneyUnit, isTotalLabel, leadingYear, normalizeGrade, parseGradeBand,
  parseNumber, plainNumber, pointsSuffix, separatorRank, totalKind, unitAt, unitOf, withoutAsides, outsideBrackets, yearIn,
} from '../src/lexicon/index.js';
import { numberingLevel, outlineLevel } from '../src/readers/docx-text.js';
import { readNumbering } from '../src/model/prose/numbering.js';
import { scanQuantities } from '../grammars/quantity-tokens.js';

describe('numbers', () => {
  it.each([
    ['1,059.39', 1059.39, 2], ['１０５９．３９', 1059.39, 2], ['-3.5', -3.5, 1], ['负3.5', -3.5, 1], ['－12', -12, 0], ['二十七', 27, 0],
  ])('parseNumber(%j) = %d', (text, value, decimals) => {
    expect(parseNumber(text)).toMatchObject({ value, decimals });
  });

  it('a cell value is a plain number only: no spaces, words or Chinese numerals', () => {
    expect(plainNumber('１，０５９．３９')).toBe(1059.39);
    expect(plainNumber('−3')).toBe(-3);
    expect(plainNumber('1 059')).toBeUndefined();
    expect(plainNumber('二十')).toBeUndefined();
    expect(plainNumber('12,11')).toBeUndefined();
  });
});

describe('units', () => {
  it('knows every unit a list count is written in, as a count and as a scanned unit', () => {
    for (const unit of LIST_COUNT_UNITS) {
      expect(COUNT_UNITS.has(unit), unit).toBe(true);
      expect(SCANNED_UNITS, unit).toContain(unit);
      expect(unitOf(unit).dimension, unit).toBe('count');
    }
  });

  it('gives one answer for a unit wherever it is asked: 50万 is no money, 万元 is', () => {
    expect(unitOf('万')).toEqual({ dimension: 'other:万', factor: 1 });
    expect(inMoneyUnit(50, '万')).toBeUndefined();
    expect(inMoneyUnit(1.5, '亿元')).toBe(15000);
    expect(inMoneyUnit(3000, '人民币元')).toBeCloseTo(0.3);
    expect(unitOf('（万元）')).toEqual({ dimension: 'money', factor: 1e4 });
    expect(unitAt('12种类型', 2)).toBeUndefined();
    expect(unitAt('12种，', 2)).toBe('种');
  });

  it('scans every money, ratio and count unit the scanner knows with that unit', () => {
    for (const [text, unit] of [['3.5万元', '万元'], ['88.28%', '%'], ['12种', '种'], ['3人次', '人次']]) {
      expect(scanQuantities(text)[0]?.unit, text).toBe(unit);
    }
  });
});

describe('totals, years, punctuation, points', () => {
  it('tells total rows, subtotals and amount totals', () => {
    expect(totalKind('合 计：')).toBe('total');
    expect(totalKind('小计')).toBe('subtotal');
    expect(totalKind('合计数说明')).toBeUndefined();
    expect(isTotalLabel('年度资金总额')).toBe(true);
    expect(isTotalLabel('财政拨款')).toBe(false);
    for (const w of [...TOTAL_WORDS, ...SUBTOTAL_WORDS]) expect(totalKind(w), w).toBeDefined();
    expect(PROSE_TOTAL_WORDS).toContain('总金额');
  });

  it('reads years', () => {
    expect(yearIn('关于２０２３年度部门整体支出')).toBe(2023);
    expect(yearIn('共5000年')).toBeUndefined();
    expect(leadingYear('2023年度预算数')).toEqual({ year: 2023, rest: '预算数' });
    expect(comparedYears('2016年比2015年增减率')).toEqual({ current: 2016, base: 2015 });
  });

  it('ranks separators and strips asides', () => {
    expect([...'、，；：'].map((c) => separatorRank(c))).toEqual([1, 2, 3, 4]);
    expect(separatorRank('：', false)).toBe(0);
    expect(withoutAsides('行政编制（含工勤编制）人员')).toBe('行政编制人员');
    expect(withoutAsides('督查室（中共（某）督查室）', true)).toBe('督查室');
    expect(outsideBrackets('A（其中B）C')).toBe('A（□□□）C');
  });

  it('reads the points a label states, in either digit width', () => {
    expect(pointsSuffix('履职效能（15分）')).toEqual({ name: '履职效能', raw: '15分', value: 15, decimals: 0 });
    expect(pointsSuffix('预算管理(满分２５．５分)。')).toMatchObject({ raw: '25.5分', value: 25.5, decimals: 1 });
    expect(pointsSuffix('预算管理')).toBeUndefined();
  });
});

describe('grades and categories', () => {
  it('grades a score by the national bands, and words the bands from the same data', () => {
    expect(gradeOf(90, NATIONAL_BANDS)?.grade).toBe('优');
    expect(gradeOf(89.9, NATIONAL_BANDS)?.grade).toBe('良');
    expect(gradeOf(59, NATIONAL_BANDS)?.grade).toBe('差');
    expect(normalizeGrade('“良好”等级')).toBe('良');
    expect(describeBands(NATIONAL_BANDS).zh).toBe('90分及以上为优，80–90分为良，60–80分为中，60分以下为差');
    expect(describeBands(NATIONAL_BANDS).en).toBe('"优" from 90, "良" 80–90, "中" 60–80, "差" below 60');
  });

  it('reads a band a report states, in ASCII or full-width digits', () => {
    expect(parseGradeBand('85≤得分＜95为良好')).toEqual({ grade: '良好', min: 85, minInclusive: true, max: 95, maxInclusive: false });
    expect(parseGradeBand('得分≥９５分为优秀')).toMatchObject({ grade: '优秀', min: 95 });
    expect(parseGradeBand('得分较高')).toBeUndefined();
  });

  it('decides by words alone whether parts cover their whole', () => {
    expect(coversWhole(['基本支出', '项目支出'])).toBe(true);
    expect(coversWhole(['办公费', '其他支出'])).toBe(true);
    expect(coversWhole(['办公费', '印刷费'])).toBe(false);
  });
});

describe('the budget’s categories (issue 19 item 3)', () => {
  const group = (name: string) => groupNamed(name)!;

  /** A label of the genre for every member of every group: the table fails when a group gains a member it lacks. */
  const SPELLINGS: Record<string, Record<string, string>> = {
    预算级次: { 上级: '上级补助', 本级: '本级资金' },
    中央与地方: { 中央: '中央资金', 地方: '地方配套' },
    资金级次: { 中央: '中央财政资金', 省级: '省级资金', 市级: '市级配套资金', 县级: '县级配套资金', 自筹: '自筹资金', 其他: '其他资金' },
    支出性质: { 基本支出: '基本支出', 项目支出: '项目支出', 经营支出: '经营支出', 上缴上级: '上缴上级支出', 对附属单位补助: '对附属单位补助支出' },
    基本支出构成: { 人员经费: '人员经费', 公用经费: '日常公用经费' },
    支出经济分类: { 工资福利: '工资福利支出', 商品和服务: '商品和服务支出', 对个人和家庭的补助: '对个人和家庭的补助', 资本性支出: '资本性支出', 债务利息: '债务利息支出' },
    预算类别: { 一般公共预算: '一般公共预算拨款', 政府性基金: '政府性基金预算拨款', 国有资本经营: '国有资本经营预算' },
    转移支付: { 返还性: '返还性收入', 一般性: '一般性转移支付', 专项: '专项转移支付' },
    预算调整: { 年初: '年初预算', 调整: '追加预算' },
    '“三公”经费': { 因公出国: '因公出国（境）费', 公务用车: '公务用车购置及运行费', 公务接待: '公务接待费' },
    公务用车: { 购置: '公务用车购置费', 运行: '公务用车运行维护费' },
    人员状态: { 在职: '在职人员', 离休: '离休人员', 退休: '退休人员' },
    用工形式: { 在编: '在编人员', 编外: '临聘人员' },
    编制类别: { 行政: '行政编制', 事业: '事业编制', 工勤: '工勤编制', 差额: '差额拨款', 自收自支: '自收自支编制' },
    经费形式: { 全额: '全额拨款', 差额: '差额拨款', 自筹: '单位资金' },
    收入总计: { 本年收入: '本年收入合计', 使用结余: '使用非财政拨款结余', 上年结转: '上年结转和结余' },
    支出总计: { 本年支出: '本年支出合计', 结余分配: '结余分配', 年末结转: '年末结转和结余' },
    本年收入: { 财政拨款: '财政拨款收入', 上级补助: '上级补助收入', 事业收入: '事业收入', 经营收入: '经营收入', 附属单位上缴: '附属单位上缴收入', 其他收入: '其他收入' },
    采购方式: { 集中: '政府集中采购预算', 分散: '分散采购' },
    采购品目: { 货物: '货物类', 工程: '工程类', 服务: '服务类' },
    职称: { 高级: '高级职称', 中级: '中级职称', 初级: '初级职称' },
  };

  it('every group names what it divides, each member named by a label of the genre, and says when its members cover a whole', () => {
    expect(CATEGORY_GROUPS.map((g) => g.name).sort()).toEqual(Object.keys(SPELLINGS).sort());
    for (const g of CATEGORY_GROUPS) {
      expect(['distinct', 'all', 'never'], g.name).toContain(g.exhaustive);
      expect(Object.keys(g.members).sort(), g.name).toEqual(Object.keys(SPELLINGS[g.name]).sort());
      for (const [member, label] of Object.entries(SPELLINGS[g.name])) expect(membersNamed(g, label), `${g.name}.${member}: ${label}`).toContain(member);
      for (const sub of Object.values(g.sub ?? {})) expect(groupNamed(sub), `${g.name} → ${sub}`).toBeDefined();
    }
    expect(COMPLEMENTARY_CATEGORIES.every((g) => g.exhaustive !== 'never')).toBe(true);
  });

  it('holds the categories the genre splits a whole by', () => {
    expect(CATEGORY_GROUPS.map((g) => g.name)).toEqual(expect.arrayContaining([
      '支出性质', '基本支出构成', '支出经济分类', '预算类别', '转移支付', '“三公”经费', '公务用车', '人员状态', '编制类别', '中央与地方', '采购品目',
      '收入总计', '本年收入',
    ]));
  });

  it('distinct: two different members cover a whole', () => {
    expect(coveredBy(group('支出性质'), ['基本支出', '项目支出'])).toBe(true);
    expect(coveredBy(group('人员状态'), ['在职人员', '离退休人员'])).toBe(true);
    expect(coveredBy(group('人员状态'), ['在职人员', '在职人员'])).toBe(false);
    expect(coveredBy(group('人员状态'), ['在职人员', '临聘人员'])).toBe(false);
  });

  it('all: the three “三公” items, 公务用车 by its two parts too; two of three do not', () => {
    const sangong = group('“三公”经费');
    expect(coveredBy(sangong, ['因公出国（境）费', '公务用车购置及运行费', '公务接待费'])).toBe(true);
    expect(coveredBy(sangong, ['因公出国（境）费', '公务用车购置费', '公务用车运行维护费', '公务接待费'])).toBe(true);
    expect(coveredBy(sangong, ['公务用车运行维护费', '公务接待费'])).toBe(false);
    expect(coveredBy(sangong, ['因公出国（境）费', '公务用车购置费', '公务接待费'])).toBe(false);
  });

  it('never: economic classes, 职称, 采购品目 name kinds of a whole that has others', () => {
    expect(coveredBy(group('支出经济分类'), ['工资福利支出', '商品和服务支出', '对个人和家庭的补助'])).toBe(false);
    expect(coveredBy(group('职称'), ['高级职称', '中级职称'])).toBe(false);
  });
});

describe('named ratios', () => {
  it('each names its operands, and its form', () => {
    const byName = new Map(NAMED_RATIOS.map((r) => [r.name, r]));
    expect(byName.get('药占比')).toMatchObject({ form: 'ratio', scope: 'paragraph' });
    expect(byName.get('药占比')!.numerator.test('药品收入')).toBe(true);
    expect(byName.get('药占比')!.denominator.test('医疗收入')).toBe(true);
    expect(byName.get('超额完成')).toMatchObject({ form: 'excess', scope: 'document' });
    for (const label of ['实际改造数超任务', '超额完成', '超计划']) expect(NAMED_RATIOS.some((r) => r.pattern.test(label)), label).toBe(true);
    expect(NAMED_RATIOS.some((r) => r.pattern.test('资金兑付比例'))).toBe(true);
  });
});

describe('the reader and the outline grammar', () => {
  const sample = ['一、基本情况', '（二）绩效目标', '1.项目概况', '2、资金', '3）支出', '（4）产出', '⑤ 效益', '100、一百项', '一.总体情况', '1.5万元', '二是加强管理', '第一章'];

  it('agree on which lines are numbered, since the reader asks the grammar', () => {
    for (const line of sample) expect(numberingLevel(line) !== undefined, line).toBe(readNumbering(line) !== null);
  });

  it('give the levels of official writing', () => {
    expect(sample.map((l) => numberingLevel(l))).toEqual([1, 2, 3, 3, 4, 4, 5, 3, undefined, undefined, undefined, undefined]);
    expect(outlineLevel('1.项目资金使用情况如下，已全部支付。')).toBeUndefined();
  });
});

/**
 * Regular expressions outside the lexicon and the grammars that hold a digit class, a unit or a total word, with the
 * reason each may: they read something other than the genre's numbers and words.
 */
const ALLOWED: Array<{ file: string; pattern: string; reason: string }> = [
  { file: 'src/cli.ts', pattern: '\\d', reason: 'command-line option values (--jobs 4, --timeout 30), not document numbers' },
  { file: 'src/annotate/docx.ts', pattern: '\\.\\d+Z$', reason: 'an ISO timestamp for the comment date' },
  { file: 'src/annotate/xlsx.ts', pattern: '^[A-Z]{1,3}\\d+$', reason: 'an A1 cell address' },
  { file: 'src/annotate/place.ts', pattern: '\\d', reason: 'finds a number as written in a page or paragraph to mark it, character by character' },
  { file: 'src/annotate/pdf.ts', pattern: '\\d', reason: 'whether a note has any figure to show' },
  { file: 'src/annotate/marker.ts', pattern: '\\d', reason: 'a review copy\'s number (.审阅2.), a custom property\'s pid' },
  { file: 'src/annotate/marker.ts', pattern: '0-9A-F', reason: 'the hex string a PDF\'s mark is stored as' },
  { file: 'src/readers/docx-html.ts', pattern: '#\\d+', reason: 'HTML character references' },
  { file: 'src/readers/docx-html.ts', pattern: 'a-zA-Z0-9', reason: 'HTML tag names' },
  { file: 'src/readers/docx-package.ts', pattern: '#\\d+', reason: 'XML character references' },
  { file: 'src/readers/docx-package.ts', pattern: 'jixiao-object-(\\d+)', reason: 'the reader’s own object markers' },
  { file: 'src/readers/xlsx-package.ts', pattern: '#\\d+', reason: 'XML character references' },
  { file: 'src/readers/docx-plain.ts', pattern: '#([0-9]+)|#x([0-9a-fA-F]+)', reason: 'XML character references' },
  { file: 'src/readers/docx-plain.ts', pattern: '#[0-9]+|#x[0-9a-fA-F]+', reason: 'XML character references' },
  { file: 'src/readers/docx-plain.ts', pattern: '^[1-9][0-9]{0,3}$', reason: 'a table cell\'s w:gridSpan attribute, as mammoth accepts it' },
  { file: 'src/readers/ofd-xml.ts', pattern: '#\\d+', reason: 'XML character references' },
  { file: 'src/readers/xlsx-format.ts', pattern: '\\d', reason: 'Excel number-format codes, which render a cell as Excel shows it' },
  { file: 'src/readers/docx-numbering.ts', pattern: '[0-9]', reason: 'Word list numbering rendered as Word shows it (full-width digits)' },
  { file: 'src/readers/docx-numbering.ts', pattern: '%([1-9])', reason: 'Word’s level-text placeholders (%1.%2)' },
  { file: 'src/readers/pdf-text.ts', pattern: '0-9', reason: 'PDF layout: spaces an exporter put between Chinese and digits, page-number lines' },
  { file: 'src/readers/pdf-text.ts', pattern: '\\d{1,4}', reason: 'page-number lines (第3页, 3/12, -3-)' },
  { file: 'src/readers/pdf-text.ts', pattern: '%％', reason: 'PDF layout: punctuation a line may start with' },
  { file: 'src/report/github.ts', pattern: '%', reason: 'GitHub workflow-command escaping' },
  { file: 'src/model/prose/phrases.ts', pattern: '共计', reason: 'filler before a number (共计, 分别为), stripped from its label; no test for a total' },
  { file: 'src/model/prose/outline.ts', pattern: '%％', reason: 'signs that make a numbered line a statement, not a title' },
];

const GENRE = [
  { what: 'a digit class', test: (p: string) => /\\d|0-9|０-９/.test(p) },
  { what: 'a unit', test: (p: string) => /元|%|％|‰/.test(p) },
  { what: 'a total word', test: (p: string) => [...TOTAL_WORDS, ...SUBTOTAL_WORDS, ...PROSE_TOTAL_WORDS].some((w) => p.includes(w)) },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every regular expression a file writes: literals, and the text given to new RegExp (template parts too). */
function regexesIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const textOf = (n: ts.Node): string[] => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return [n.text];
    if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)];
    return [];
  };
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) out.push((n as ts.RegularExpressionLiteral).text);
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp' && n.arguments?.[0]) {
      out.push(...textOf(n.arguments[0]));
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

describe('one lexicon', () => {
  it('no number, unit or total-word pattern is written outside src/lexicon/ and grammars/ (allow-list aside)', () => {
    const stray: string[] = [];
    for (const file of sources('src').filter((f) => !f.startsWith(join('src', 'lexicon')))) {
      for (const re of regexesIn(file)) {
        for (const g of GENRE) {
          if (!g.test(re)) continue;
          if (ALLOWED.some((a) => a.file === file && re.includes(a.pattern))) continue;
          stray.push(`${file}: ${g.what} in ${re}`);
        }
      }
    }
    expect(stray).toEqual([]);
  });

  it('allows nothing it does not need: every allow-list entry still matches a pattern', () => {
    expect(ALLOWED.filter((a) => !regexesIn(a.file).some((re) => re.includes(a.pattern))).map((a) => `${a.file} ${a.pattern}`)).toEqual([]);
  });
});
