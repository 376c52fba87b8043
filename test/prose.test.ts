// Prose extraction on the seed texts and on the corpus files: the relations an auditor checks, with the right operands.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { extractProse } from '../src/model/prose/index.js';
import { readDocument } from '../src/readers/index.js';
import type { SourceDocument } from '../src/document.js';
import type { Relation, RelationOf, Quantity } from '../src/model/schema.js';

const SEEDS = new URL('./data/seeds/', import.meta.url);
function seed(prefix: string): SourceDocument {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  const lines = readFileSync(new URL(name, SEEDS), 'utf8').split('\n');
  return { path: name, format: 'docx', blocks: lines.map((text) => ({ type: 'paragraph', text })) };
}

const raw = (q?: Quantity) => q?.raw.replace(/\s+/g, '');
const of = <K extends Relation['kind']>(rs: Relation[], kind: K) => rs.filter((r): r is RelationOf<K> => r.kind === kind);

/** A projection of the relations that reads like the report: operands as written. */
function project(rs: Relation[]): string[] {
  return rs.map((r) => {
    switch (r.kind) {
      case 'rate': return `rate ${raw(r.rate)} = ${raw(r.numerator)} / ${r.denominators.map(raw).join('|')}`;
      case 'share': return `share ${raw(r.whole)}: ${r.parts.map((p) => `${raw(p.part)}→${raw(p.share)}`).join(', ')}${r.complete ? ' complete' : ''}`;
      case 'sum': return `sum ${raw(r.total)} = ${r.parts.map(raw).join('+')}${r.exhaustive ? '' : ' (partial)'}`;
      case 'growth': return `growth ${r.direction} ${raw(r.previous)}→${raw(r.current)} ${raw(r.rate)}`;
      case 'list-count': return `list ${raw(r.count)} [${r.items.length}]`;
      case 'score': return `score ${r.name} ${raw(r.max)}/${raw(r.score)}`;
      case 'total-score': return `total ${raw(r.score)}${r.max ? '/' + raw(r.max) : ''}`;
      case 'grade': return `grade ${r.grade}`;
      case 'grade-bands': return `bands ${r.bands.map((b) => `${b.grade}:${b.min ?? ''}-${b.max ?? ''}`).join(' ')}`;
      case 'section-max': return `section ${r.name} ${raw(r.max)} = ${r.parts.map(raw).join('+')}`;
    }
  });
}

const EXPECTED: Record<string, string[]> = {
  '000': [
    'sum 170人 = 12个+11个+7个+19个+47人+70人+2个 (partial)',
    'list 8个 [8]',
    'list 5个 [5]',
    'rate 90.07% = 3425.81万元 / 3803.27万元',
    'total 99.1分',
  ],
  '001': [
    'list 9个 [9]',
    'sum 96.67万元 = 45万元+35万元+4万元+1万元+6万元+1.83万元+0.92万元+2万元+0.92万元',
  ],
  '002': [
    'rate 88.28% = 8724.90万元 / 8593.66万元|9883.28万元',
    'list 4个 [4]',
    'bands 优秀:85- 良好:75-85 一般:60-75 较差:-60',
    'total 100分',
    'grade 优秀',
  ],
  '003': [
    'sum 65人 = 26人+36人+1人+2人 (partial)',
    'rate 100% = 2183.25万元 / 2179.77万元',
    'rate 100% = 876.36万元 / 876.36万元',
    'total 87分/100分',
  ],
};

const EXPECTED_004 = [
  'list 7个 [7]',
  'list 3个 [3]',
  'sum 56人 = 29人+24人+3名',
  'sum 106人 = 49人+57人',
  'share 1599.38万元: 1493.56万元→93.38%, 105.82万元→6.62% complete',
  'sum 1599.38万元 = 1493.56万元+105.82万元',
  'sum 1599.38万元 = 1354.29万元+245.09万元',
  'rate 100% = 1599.38万元 / 1354.29万元|1599.38万元',
  'share 1599.38万元: 1132.68万元→70.82%, 466.7万元→29.18% complete',
  'share 1599.38万元: 1059.39万元→66.24%, 73.29万元→4.58%, 466.70万元→29.18% complete',
  'sum 1599.38万元 = 1132.68万元+466.7万元',
  'total 93.8分/100分',
  'rate 100% = 1599.38万元 / 1599.38万元',
  'rate 45.9% = 735.65万元 / 1599.38万元',
  'rate 67% = 1073.65万元 / 1599.38万元',
  'rate 100% = 1599.38万元 / 1599.38万元',
  'growth decrease 74.91万元→60.6万元 19.1%',
  'growth increase 65.73万元→73.29万元 11.5%',
  'growth change 1.05万元→1.13万元 7.62%',
  // 部门预算27个项目中，完成绩效目标数量指标的项目有27个，完成率100%
  'rate 100% = 27个 / 27个',
  'sum 27个 = 24个+3个+0个',
  'section 履职效能 15分 = 5分+5分+5分',
  'section 预算管理 25分 = 8分+4分+6分+2分+5分',
  'section 财务管理 10分 = 4分+2分+4分',
  'section 资产管理 9分 = 3分+3分+3分',
  'section 采购管理 6分 = 3分+3分',
  'section 项目决策 12分 = 4分+4分+4分',
  'section 项目执行 12分 = 4分+4分+4分',
  'section 目标实现 11分 = 4分+4分+3分',
  'sum 93.8分 = 5分+5分+5分+8分+4分+4分+2分+2分+4分+2分+4分+1.8分+3分+3分+3分+3分+4分+4分+4分+4分+4分+4分+4分+4分+3分',
];

describe('extractProse on the seed texts', () => {
  for (const [prefix, expected] of Object.entries(EXPECTED)) {
    it(`finds the relations of seed ${prefix} and no others`, () => {
      expect(project(extractProse(seed(prefix)).relations)).toEqual(expected);
    });
  }

  it('finds the relations of seed 004 (scores aside) and no others', () => {
    const rs = extractProse(seed('004')).relations;
    expect(project(rs.filter((r) => r.kind !== 'score'))).toEqual(EXPECTED_004);
    const scores = of(rs, 'score');
    expect(scores).toHaveLength(25);
    expect(project([scores.find((s) => s.name === '支出执行进度')!])).toEqual(['score 支出执行进度 6分/4分']);
    expect(project([scores.find((s) => s.name === '人均资产变化率')!])).toEqual(['score 人均资产变化率 3分/1.8分']);
  });

  it('keeps raw, value, decimals and unit exactly as written', () => {
    const [rate] = of(extractProse(seed('002')).relations, 'rate');
    expect(rate.numerator).toMatchObject({ raw: '8724.90万元', value: 8724.9, decimals: 2, unit: '万元', label: '完成支付' });
    expect(rate.rate).toMatchObject({ raw: '88.28%', value: 88.28, decimals: 2, unit: '%' });
    expect(rate.denominators.map((d) => d.label)).toEqual(['年初共安排预算资金', '调整预算数']);
    const [growth] = of(extractProse(seed('004')).relations, 'growth');
    expect(growth.current).toMatchObject({ value: 60.6, decimals: 1 });
  });

  it('names the list items, aliases inside their item', () => {
    const [seven] = of(extractProse(seed('004')).relations, 'list-count');
    expect(seven.items).toContain('经济发展办公室（乡村振兴办公室、生态环境办公室）');
    expect(seven.items).toHaveLength(7);
  });

  it('reads meta from the title lines', () => {
    expect(extractProse(seed('002')).meta).toMatchObject({ title: '2023年度整体支出绩效自评报告', unit: '宋营镇人民政府', year: 2023 });
    expect(extractProse(seed('001')).meta).toMatchObject({ title: '2023年部门年度项目绩效自评工作报告', unit: '涞源县泉坊镇', year: 2023 });
    expect(extractProse(seed('004')).meta).toMatchObject({ title: '关于2024年绩效自评的报告', unit: '渠县宝城镇人民政府', year: 2024 });
  });

  it('builds the outline of a report that mixes （一） and （2）', () => {
    const { sections } = extractProse(seed('004'));
    expect(sections.map((s) => s.number)).toEqual(['一、', '二、', '三、', '四、']);
    expect(sections[0].children.map((s) => `${s.number}${s.title}`)).toEqual(['（一）机构组成', '（2）机构职能', '（3）人员概况']);
    expect(sections[2].children[0].children[1]).toMatchObject({ number: '2.', title: '预算管理（25分）', level: 3 });
  });

  it('locates every fact by file, block and paragraph', () => {
    const doc = seed('000');
    const { facts } = extractProse(doc);
    const rate = facts.find((f) => f.raw === '90.07%')!;
    expect(rate.location.file).toBe(doc.path);
    const block = doc.blocks[rate.location.block!];
    expect(block.type === 'paragraph' && block.text.includes('90.07%')).toBe(true);
    expect(facts.some((f) => f.unit === '年')).toBe(false); // years are dates, not facts
  });
});

describe('extractProse on the corpus: docx and pdf agree', () => {
  const pairs: Array<[string, string, string[]]> = [
    ['000-sanyuan-2023', '000', EXPECTED['000']],
    ['001-quanfang-2023', '001', EXPECTED['001']],
    ['002-songying-2023', '002', EXPECTED['002']],
    ['003-dept-2023', '003', EXPECTED['003']],
    ['004-baocheng-2024', '004', EXPECTED_004],
  ];
  for (const [name, , expected] of pairs) {
    for (const ext of ['docx', 'pdf']) {
      it(`${name}.${ext}`, async () => {
        const { document } = await readDocument(`fixtures/${name}.${ext}`);
        const rs = extractProse(document).relations.filter((r) => r.kind !== 'score');
        expect(project(rs)).toEqual(expected);
        if (ext === 'pdf') expect(rs.every((r) => r.location.page !== undefined)).toBe(true);
      });
    }
  }

  it('004-baocheng-2024-embedded.docx reads the same prose', async () => {
    const { document } = await readDocument('fixtures/004-baocheng-2024-embedded.docx');
    expect(project(extractProse(document).relations.filter((r) => r.kind !== 'score'))).toEqual(EXPECTED_004);
  });
});
