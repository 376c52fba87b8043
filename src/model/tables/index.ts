// Table side of extraction: indicator tables, scoring sheets and budget blocks found by their header words.
import type { SourceDocument, TableBlock } from '../../document.js';
import type { Report } from '../schema.js';
import { clean, type Grid, isBlank, locationOf, makeGrid, textAt } from './grid.js';
import type { Location } from '../../findings.js';
import { tableGrids } from './stitch.js';
import { blockKindOf, findRegions } from './header.js';
import { extractIndicators, totalRelations, type SectionLabel, type TotalRow } from '../forms/indicators.js';
import type { Quantity, Relation } from '../schema.js';
import { extractScores } from '../forms/scores.js';
import { extractBudget, isFormBudget } from '../forms/budget.js';
import { tableArithmetic } from './arithmetic.js';
import { gradeRelations } from './grades.js';
import { leadingText } from './lookup.js';
import { statedRules } from '../forms/index.js';

export type TableRecords = Pick<Report, 'indicators' | 'scoreItems' | 'budget' | 'relations'>;

/**
 * Records of one table. A table may hold several parts (a project form: budget block, then indicators), each
 * under its own header row. A part whose header matches no kind yields nothing.
 */
export function extractTable(grid: Grid, leading: string[] = []): TableRecords {
  const out: TableRecords = { indicators: [], scoreItems: [], budget: [], relations: [] };
  const regions = findRegions(grid);
  // rows a form block reads (its header and body) are its profile's; the rest of the table is read by its structure
  const claimed = new Set<number>();
  const totals: TotalRow[] = [];
  const sections: SectionLabel[] = [];
  for (const region of regions) {
    // which block a part is comes from the profiles (src/model/forms/profiles): the roles its header gives its columns
    const found = blockKindOf(region);
    const part = found === 'budget' ? extractBudget(grid, region) : undefined;
    // a table of items under the budget block's words (序号 | 项目 | 预算数 | 决算数 | 执行率) is read by its structure
    const kind = part && !isFormBudget(grid, region, part) ? undefined : found;
    if (kind === 'budget' || kind === 'indicators' || kind === 'scores') for (const r of [...region.headerRows, ...region.rows]) claimed.add(r);
    if (kind === 'budget' && part) {
      out.budget.push(...part.budget);
      out.relations.push(...part.relations);
    } else if (kind === 'indicators') {
      const part = extractIndicators(grid, region);
      const offset = out.indicators.length;
      out.indicators.push(...part.indicators);
      // A form's goal blocks each sit under their own header (年度绩效目标1 …, 年度绩效目标2 …); its 总分 at the
      // end totals every block since the previous 总分, so totals count in the table's indicators, not the part's.
      const lastTotal = totals.filter((t) => t.kind === 'total').at(-1);
      const since = lastTotal?.to ?? 0;
      for (const t of part.totals) {
        totals.push({ ...t, from: t.kind === 'total' ? since : t.from + offset, to: t.to === undefined ? undefined : t.to + offset });
      }
      sections.push(...part.sections.map((x) => ({ ...x, from: x.from + offset, to: x.to + offset })));
    } else if (kind === 'scores') {
      const part = extractScores(grid, region);
      out.scoreItems.push(...part.scoreItems);
      out.relations.push(...part.relations);
    }
  }
  // A reason written once for the whole form (偏差大或目标未完成原因分析 | …) explains every indicator without its own.
  const reason = out.indicators.length ? formReason(grid) : undefined;
  if (reason) for (const ind of out.indicators) ind.deviation ??= reason;
  // A form that writes its scoring rule in a note (得分=权重*B/A) binds its indicators to it.
  if (out.indicators.length && statesRule(grid)) for (const ind of out.indicators) ind.scoringRule = 'proportional';
  // A form's 总分 counts its budget-execution 分值/得分 beside the indicators': they are parts of that total.
  const budgetTotal = out.budget.find((b) => !b.sub && (b.weight || b.score));
  const extra = { weight: budgetTotal?.weight ? [budgetTotal.weight] : [], score: budgetTotal?.score ? [budgetTotal.score] : [] };
  // A block labelled with its own maximum (绩效指标（90分）) in a table without the budget block counts beside points
  // kept elsewhere (the budget's 10 in another table): its 合计 cannot be summed from this table alone.
  const outsidePoints = !out.budget.length && out.indicators.some((i) => i.groupMax);
  if (!outsidePoints) out.relations.push(...totalRelations(totals, out.indicators, (t) => t.label, extra));
  out.relations.push(...sectionRelations(sections, out.indicators));
  // Whatever no form block claims is read by its structure: totals, 增减, 执行率, 占比 (tables/arithmetic.ts).
  out.relations.push(...tableArithmetic(grid, claimed, leading));
  // A grade column beside a score column, in a form block or not (评价得分 | 评价结果; 合计 | 得分 | 绩效等级).
  out.relations.push(...gradeRelations(grid));
  return out;
}

/**
 * A label's maximum = the maxima under it: 年度绩效目标（80分） = 产出指标（60分） + 效益指标（40分) when each
 * level-1 label states one, else the 分值 of its rows when each row states one. No relation when an operand is missing.
 */
function sectionRelations(sections: SectionLabel[], indicators: TableRecords['indicators']): Relation[] {
  const out: Relation[] = [];
  for (const s of sections) {
    const rows = indicators.slice(s.from, s.to);
    let parts: Array<Quantity | undefined> = s.children.length && s.children.every(Boolean) ? s.children : rows.map((r) => r.weight);
    if (!parts.length || parts.some((p) => !p)) continue;
    if (s.level === 'group' && s.children.length && !s.children.every(Boolean) && !rows.every((r) => r.weight)) parts = [];
    if (!parts.length) continue;
    out.push({ kind: 'section-max', name: s.max.label ?? s.text, max: s.max, parts: parts as Quantity[], location: s.max.location, evidence: s.text });
  }
  return out;
}

/** The text beside a form-wide 偏差原因 label, when it says something (not 无 or blank). */
function formReason(grid: Grid): string | undefined {
  for (let r = 0; r < grid.table.rows.length; r++) {
    for (let c = 0; c + 1 < grid.width; c++) {
      const label = textAt(grid, r, c);
      if (!/^偏差.{0,6}原因|未完成原因/.test(label)) continue;
      let k = c + 1;
      while (k < grid.width && textAt(grid, r, k) === label) k++;
      const text = k < grid.width ? textAt(grid, r, k) : '';
      if (text && !isBlank(text) && !/^(一级|二级|三级)指标/.test(text) && text !== label) return text;
      break;
    }
  }
  return undefined;
}

function statesRule(grid: Grid): boolean {
  for (let r = 0; r < grid.table.rows.length; r++) {
    for (let c = 0; c < grid.width; c++) {
      const t = textAt(grid, r, c);
      if (t.length > 12 && statedRules.some((re) => re.test(t))) return true;
    }
  }
  return false;
}

/** What a table says, regardless of where it sits: its cell texts row by row, merged repeats dropped. */
function contentKey(table: TableBlock): string {
  return table.rows
    .map((row) => row.filter((c, i) => !(c.covered && i > 0 && row[i - 1].text === c.text))
      .map((c) => clean(c.text).replace(/\s+/g, '')).filter(Boolean).join('|'))
    .filter(Boolean)
    .join('\n');
}

/** The records without their locations: two tables that yield the same records say the same thing. */
function recordsKey(records: TableRecords): string {
  return JSON.stringify(records, (key, value: unknown) => (key === 'location' ? undefined : value));
}

function isEmpty(r: TableRecords): boolean {
  return !r.indicators.length && !r.scoreItems.length && !r.budget.length && !r.relations.length;
}

/**
 * Every table's records, in document order; a table a PDF split over pages is joined first. Hidden sheets are skipped (workbooks keep drafts and lookups
 * there). A table that repeats an earlier one — a sheet copied within a workbook, or a Word table shown beside
 * the embedded workbook it was pasted from — is counted once: when its cell texts, or the records it yields, equal
 * an earlier table's. Two genuinely separate tables with identical records would be merged too; they would
 * double every total anyway.
 */
export function extractTables(doc: SourceDocument): TableRecords {
  const out: TableRecords = { indicators: [], scoreItems: [], budget: [], relations: [] };
  const seenContent = new Set<string>();
  const seenRecords = new Set<string>();
  for (const grid of tableGrids(doc)) {
    const content = contentKey(grid.table);
    if (seenContent.has(content)) continue;
    seenContent.add(content);
    const records = extractTable(grid, leadingText(doc, grid.block));
    if (isEmpty(records)) continue;
    const key = recordsKey(records);
    if (seenRecords.has(key)) continue;
    seenRecords.add(key);
    out.indicators.push(...records.indicators);
    out.scoreItems.push(...records.scoreItems);
    out.budget.push(...records.budget);
    out.relations.push(...records.relations);
  }
  return out;
}

/** A cell a spreadsheet printed as ###: its number was wider than the column, and the PDF holds only the marks. */
const HIDDEN_NUMBER = /^#{3,}$/;

/** Where a PDF printed of a workbook shows ### instead of a number: those numbers cannot be read or checked. */
export function hiddenNumberCells(doc: SourceDocument): Location[] {
  const out: Location[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.type !== 'table' || block.hidden) return;
    const grid = makeGrid(block, doc.path, index);
    block.rows.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell.covered && HIDDEN_NUMBER.test(cell.text.trim())) out.push(locationOf(grid, r, c));
    }));
  });
  return out;
}
