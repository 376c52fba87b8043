/**
 * 同一单位、同一年度的各文件所写的同一数字应一致：报告与自评表的预算数、执行数、执行率、自评得分、等级；报告称开展自评的项目数
 * 与文件夹中的项目支出绩效自评表份数。A check over the whole batch: it reads each file's key figures (src/model/key-figures.ts),
 * the units they group into (src/model/units.ts), and places one finding per difference on the file whose figure has less
 * support.
 */
import type { Location } from '../findings.js';
import type { MessageRef } from '../catalog/define.js';
import type { FigureItem, KeyFigure } from '../model/key-figures.js';
import { groupUnits, pairings, type KeyedFile, type Unit, type UnitDocument } from '../model/units.js';
import { intervalOf, overlaps, rateFactor, rounded, scale, type Interval } from '../precision.js';
import { normalizeGrade, unitOf } from '../lexicon/index.js';
import { defineBatchCheck, type Issue } from './define.js';

type Id =
  | 'differs' | 'differs-assumed' | 'twin' | 'left-out' | 'project-count'
  | 'item-of-source' | 'item-score' | 'item-grade' | 'item-rate' | 'item-budget-annual' | 'item-budget-initial' | 'item-budget' | 'item-spending'
  | 'assumed-choice' | 'assumed-basis' | 'role-report' | 'role-form';

/** One comparison of a figure two documents of a unit both state: what the 跨文件核对 sheet lists. */
export interface FigureComparison {
  unit: Unit;
  item: FigureItem;
  /** the item's name, a message of this rule */
  itemName: MessageRef<Id>;
  a: { document: UnitDocument; figure: KeyFigure };
  b: { document: UnitDocument; figure: KeyFigure };
  agree: boolean;
  /** both figures stated for the same item: a difference is an error */
  stated: boolean;
  /** what was assumed when not stated */
  assumed?: MessageRef<Id>;
}

/** The figure's value as an interval in its dimension's base unit, or undefined when its unit is not one to compare in. */
function intervalOfFigure(item: FigureItem, f: KeyFigure): Interval | undefined {
  const q = f.quantity;
  if (!q || !Number.isFinite(q.value)) return undefined;
  if (item === 'budget' || item === 'spending') return unitOf(q.unit).dimension === 'money' ? intervalOf(q) : undefined;
  if (item === 'rate') {
    const factor = rateFactor(q);
    return factor === undefined ? undefined : scale(rounded(q.value, q.decimals), factor);
  }
  // scores: 分 or no unit; a count of projects is exact
  return item === 'project-count' ? { lo: q.value, hi: q.value } : rounded(q.value, q.decimals);
}

function agrees(item: FigureItem, x: KeyFigure, y: KeyFigure): boolean | undefined {
  if (item === 'grade') return x.grade !== undefined && y.grade !== undefined ? normalizeGrade(x.grade) === normalizeGrade(y.grade) : undefined;
  const i = intervalOfFigure(item, x);
  const j = intervalOfFigure(item, y);
  return i && j ? overlaps(i, j) : undefined;
}

const ITEM_NAME: Record<Exclude<FigureItem, 'project-count'>, Id> = {
  score: 'item-score', grade: 'item-grade', rate: 'item-rate', budget: 'item-budget', spending: 'item-spending',
};

function itemName(item: FigureItem, basis: KeyFigure['basis'], source: KeyFigure['source']): MessageRef<Id> {
  const name: MessageRef<Id> = item === 'budget' && basis
    ? { messageId: basis === 'annual' ? 'item-budget-annual' : 'item-budget-initial' }
    : { messageId: ITEM_NAME[item as Exclude<FigureItem, 'project-count'>] };
  return source ? { messageId: 'item-of-source', data: { source, item: name } } : name;
}

/**
 * The figures of one item the two documents state, compared: agreeing when any of A's meets any of B's (a report that
 * states the form's figure somewhere does not contradict it). Amounts compare only for the same budget (年初 with 年初,
 * 全年 with 全年); an amount whose label does not say which is compared with either, and can only warn.
 */
function compareItem(unit: Unit, item: FigureItem, a: UnitDocument, b: UnitDocument): FigureComparison[] {
  const out: FigureComparison[] = [];
  // amounts and rates of the same funding source only (财政拨款 with 当年财政拨款; the whole with the total row)
  for (const source of new Set(a.files[0].keys.figures.filter((f) => f.item === item).map((f) => f.source))) {
    const fa = a.files[0].keys.figures.filter((f) => f.item === item && f.source === source);
    const fb = b.files[0].keys.figures.filter((f) => f.item === item && f.source === source);
    if (fa.length && fb.length) out.push(...compareSource(unit, item, a, b, fa, fb));
  }
  return out;
}

function compareSource(unit: Unit, item: FigureItem, a: UnitDocument, b: UnitDocument, fa: KeyFigure[], fb: KeyFigure[]): FigureComparison[] {
  const out: FigureComparison[] = [];
  const compare = (xs: KeyFigure[], ys: KeyFigure[], basisAssumed: boolean) => {
    const usable = xs.flatMap((x) => ys.map((y) => ({ x, y, ok: agrees(item, x, y) }))).filter((p) => p.ok !== undefined);
    if (!usable.length) return;
    const agreeing = usable.find((p) => p.ok);
    const { x, y } = agreeing ?? usable[0];
    const stated = x.stated && y.stated && !basisAssumed;
    const comparison: FigureComparison = {
      unit, item, itemName: itemName(item, x.basis ?? y.basis, x.source), a: { document: a, figure: x }, b: { document: b, figure: y }, agree: Boolean(agreeing), stated,
    };
    if (!stated) comparison.assumed = { messageId: basisAssumed ? 'assumed-basis' : 'assumed-choice' };
    out.push(comparison);
  };
  if (item !== 'budget') { compare(fa, fb, false); return out; }
  for (const basis of ['annual', 'initial'] as const) {
    const xs = fa.filter((f) => f.basis === basis);
    const ys = fb.filter((f) => f.basis === basis);
    if (xs.length && ys.length) compare(xs, ys, false);
  }
  // a budget whose label names no basis: it agrees when it meets either of the other's; else it is compared as assumed
  const open = (xs: KeyFigure[], ys: KeyFigure[], swap: boolean) => {
    const loose = xs.filter((f) => f.basis === undefined);
    if (!loose.length || !ys.length) return;
    if (swap) compare(ys, loose, true); else compare(loose, ys, true);
  };
  open(fa, fb, false);
  open(fb, fa.filter((f) => f.basis !== undefined), true);
  return out;
}

const COMPARED: readonly Exclude<FigureItem, 'project-count'>[] = ['budget', 'spending', 'rate', 'score', 'grade'];

/** Every comparison of a unit's paired documents, agreeing or not (the workbook lists them all). */
export function unitComparisons(unit: Unit): FigureComparison[] {
  return pairings(unit).pairs.flatMap(({ a, b }) => COMPARED.flatMap((item) => compareItem(unit, item, a, b)));
}

/**
 * One cause, one finding: where the amounts of a pair differ, their rates differ because of them (each file's rate
 * agrees with its own amounts, or its own check says not): the rate's difference is not one more.
 */
function causes(comparisons: FigureComparison[]): FigureComparison[] {
  const pair = (c: FigureComparison) => `${c.a.document.files[0].path}\u0000${c.b.document.files[0].path}`;
  const amountsDiffer = new Set(comparisons.filter((c) => !c.agree && (c.item === 'budget' || c.item === 'spending')).map(pair));
  return comparisons.filter((c) => !c.agree && !(c.item === 'rate' && amountsDiffer.has(pair(c))));
}

/** A report's figure and a form's: the form copies the report, so of two figures equally supported the form's is the one to look at. */
const isReport = (d: UnitDocument) => d.role === 'report';

/** Of a difference, the side with less support: a figure its own file contradicts; otherwise the form; otherwise B. */
function weaker(c: FigureComparison): { on: 'a' | 'b' } {
  const ca = Boolean(c.a.figure.contradicted);
  const cb = Boolean(c.b.figure.contradicted);
  if (ca !== cb) return { on: ca ? 'a' : 'b' };
  if (isReport(c.a.document) !== isReport(c.b.document)) return { on: isReport(c.a.document) ? 'b' : 'a' };
  return { on: 'b' };
}

/** The same figure in each file of a document (twins state it at their own places): by item, basis, source and order. */
function figureIn(file: KeyedFile, model: UnitDocument, figure: KeyFigure): KeyFigure {
  const same = (f: KeyFigure) => f.item === figure.item && f.basis === figure.basis && f.source === figure.source;
  const n = model.files[0].keys.figures.filter(same).indexOf(figure);
  return file.keys.figures.filter(same)[n] ?? figure;
}

function valueOf(f: KeyFigure): string {
  return f.quantity?.raw ?? f.grade ?? '';
}

function withRelated(location: Location, related: Location): Location {
  const { related: _drop, ...plain } = related;
  return { ...location, related: plain };
}

function* differences(unit: Unit): Generator<Issue<Id>> {
  for (const c of causes(unitComparisons(unit))) {
    const { on } = weaker(c);
    const mine = c[on];
    const other = c[on === 'a' ? 'b' : 'a'];
    const otherFile = other.document.files[0].path;
    const otherFigure = figureIn(other.document.files[0], other.document, other.figure);
    for (const file of mine.document.files) {
      const figure = figureIn(file, mine.document, mine.figure);
      const issue: Issue<Id> = {
        messageId: c.stated ? 'differs' : 'differs-assumed',
        location: withRelated(figure.location, otherFigure.location),
        expected: valueOf(otherFigure),
        actual: valueOf(figure),
        data: { item: c.itemName, other: otherFile, unit: unit.unitAsWritten, year: unit.year, ...(c.assumed ? { assumed: c.assumed } : {}) },
      };
      if (!c.stated) issue.severity = 'warning';
      if (figure.evidence) issue.evidence = figure.evidence;
      yield issue;
    }
  }
}

function* twins(unit: Unit): Generator<Issue<Id>> {
  for (const d of unit.documents) {
    if (d.files.length < 2) continue;
    for (const file of d.files) {
      const others = d.files.filter((f) => f !== file).map((f) => f.path);
      yield { messageId: 'twin', severity: 'info', location: { file: file.path, related: { file: others[0] } }, data: { others } };
    }
  }
}

/** A document's kind in words: a form's as its records name it; a report as a report, even when it holds its form. */
const kindOf = (d: UnitDocument): string | MessageRef<Id> => (!isReport(d) && d.files[0].keys.kind) || { messageId: isReport(d) ? 'role-report' : 'role-form' };

function* leftOut(unit: Unit): Generator<Issue<Id>> {
  for (const l of pairings(unit).leftOut) {
    const counterparts = l.counterpart.map((d) => d.files[0].path);
    for (const file of l.document.files) {
      yield {
        messageId: 'left-out', severity: 'info', location: { file: file.path, related: { file: counterparts[0] } },
        data: { unit: unit.unitAsWritten, year: unit.year, count: l.alike.length, kind: kindOf(l.alike[0]), alike: l.alike.map((d) => d.files[0].path), counterparts },
      };
    }
  }
}

/**
 * A report's count of the projects it evaluated against the project forms in the folder for the same unit and year, when
 * there is at least one (a folder with none holds only reports). A warning: a folder may be incomplete.
 */
function* projectCount(unit: Unit): Generator<Issue<Id>> {
  const reports = unit.documents.filter((d) => d.level === 'unit' && isReport(d));
  const forms = unit.documents.filter((d) => d.level === 'project' && d.role === 'project-form');
  if (reports.length !== 1 || forms.length === 0) return;
  const count = reports[0].files[0].keys.figures.find((f) => f.item === 'project-count');
  if (!count?.quantity || count.quantity.value === forms.length) return;
  for (const file of reports[0].files) {
    const figure = figureIn(file, reports[0], count);
    yield {
      messageId: 'project-count', severity: 'warning',
      location: withRelated(figure.location, { file: forms[0].files[0].path }),
      data: {
        label: figure.quantity?.label ?? '', count: figure.quantity?.raw ?? String(count.quantity.value),
        unit: unit.unitAsWritten, year: unit.year, forms: forms.length, files: forms.map((d) => d.files[0].path),
      },
    };
  }
}

export default defineBatchCheck({
  id: 'cross-file',
  severity: 'error',
  // an assumed comparison warns; twins and documents left out are said as information (jixiao rules lists them)
  messageSeverity: { 'differs-assumed': 'warning', 'project-count': 'warning', twin: 'info', 'left-out': 'info' },
  description: { zh: '同一单位同一年度的不同文件中，同一数字不一致', en: 'the same figure differs between files of one unit and year' },
  formula: '报告中的数 = 自评表（打分表）中同一项目、同一期间的数：预算数、执行数、执行率、自评得分、等级',
  messages: {
    differs: {
      zh: '{item}与 {other} 不一致：本文件为 {actual}，该文件为 {expected}',
      en: '{item} differs from {other}: {actual} here, {expected} there',
    },
    'differs-assumed': {
      zh: '{item}与 {other} 不一致：本文件为 {actual}，该文件为 {expected}（{assumed}）',
      en: '{item} differs from {other}: {actual} here, {expected} there ({assumed})',
    },
    twin: {
      zh: '与 {others} 内容相同（同一单位、年度、文件类型，所写数字一致），合计时只计一次',
      en: 'the same document as {others} (same unit, year and kind, the same figures): counted once in the totals',
    },
    'left-out': {
      zh: '未与 {counterparts} 核对：{unit}{year}年度有 {count} 份内容不同的{kind}（{alike}），不能确定哪一份与之对应',
      en: 'not compared with {counterparts}: {unit} has {count} differing documents of the kind {kind} for {year} ({alike}), and which one goes with it is not known',
    },
    'project-count': {
      zh: '报告写明“{label}”{count}，而所查文件中{unit}{year}年度的项目支出绩效自评表有 {forms} 份（{files}）；所交文件可能不全',
      en: 'the report says "{label}" {count}, while the files checked hold {forms} project self-evaluation form{forms|s} of {unit} for {year} ({files}); the folder may be incomplete',
    },
    'item-of-source': { zh: '{source}{item}', en: '{item} of {source}' },
    'item-score': { zh: '自评得分', en: 'The self-assessed score' },
    'item-grade': { zh: '评价等级', en: 'The grade' },
    'item-rate': { zh: '预算执行率', en: 'The execution rate' },
    'item-budget-annual': { zh: '全年预算数（调整后预算）', en: "The year's (adjusted) budget" },
    'item-budget-initial': { zh: '年初预算数', en: 'The initial budget' },
    'item-budget': { zh: '预算数', en: 'The budget' },
    'item-spending': { zh: '全年执行数（实际支出）', en: 'Spending' },
    'assumed-choice': { zh: '报告写有不止一个执行率或得分，按所取的一个比较', en: 'the report states more than one rate or score; compared with the one taken' },
    'assumed-basis': { zh: '报告未写明是年初预算还是调整后预算', en: 'the report does not say whether it is the initial or the adjusted budget' },
    'role-report': { zh: '自评报告', en: 'self-evaluation report' },
    'role-form': { zh: '自评表', en: 'self-evaluation form' },
  },
  *run(files) {
    for (const unit of groupUnits(files)) {
      yield* differences(unit);
      yield* projectCount(unit);
      yield* twins(unit);
      yield* leftOut(unit);
    }
  },
});
