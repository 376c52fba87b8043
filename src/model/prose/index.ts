// Prose side of extraction: meta, the outline, stated quantities and the relations sentences claim.
import type { SourceDocument, ParagraphBlock } from '../../document.js';
import type { Location } from '../../findings.js';
import type { Quantity, Report } from '../schema.js';
import { buildOutline, classifyNumberedLine, stripLeadingNoise } from './outline.js';
import { parseParagraph } from './phrases.js';
import { findRelations, toQuantity, type ProseParagraph } from './relations/index.js';
import { WRITTEN_YEAR, startsWithYear, yearIn } from '../../lexicon/index.js';

type Meta = Report['meta'];

export function extractProse(doc: SourceDocument): Pick<Report, 'meta' | 'sections' | 'facts' | 'relations'> {
  const paragraphs: Array<{ block: ParagraphBlock; location: Location; text: string }> = [];
  let ordinal = 0;
  doc.blocks.forEach((block, index) => {
    if (block.type !== 'paragraph') return;
    ordinal++;
    const text = stripLeadingNoise(block.text);
    if (!text.trim()) return;
    const location: Location = { file: doc.path, block: index, paragraph: ordinal };
    if (block.page !== undefined) location.page = block.page;
    if (block.origin) location.origin = block.origin;
    paragraphs.push({ block, location, text });
  });

  const numbered = paragraphs.map((p) => classifyNumberedLine(p.text));
  const { sections, pathOf } = buildOutline(paragraphs.map((p, i) => ({ line: p.text, location: p.location, numbered: numbered[i] })));
  const prose: ProseParagraph[] = paragraphs.map((p, i) => ({
    parsed: parseParagraph(p.text),
    location: p.location,
    path: pathOf[i],
    numbered: numbered[i],
  }));

  const facts: Quantity[] = [];
  for (const p of prose) {
    for (const q of p.parsed.quantities) {
      if (q.year || q.ordinal) continue;
      facts.push(toQuantity(q, p.location));
    }
  }

  const relations = findRelations(prose);
  return { meta: readMeta(paragraphs.map((p) => p.text)), sections, facts, relations };
}

const ORG_SUFFIX = /(?:人民政府|政府|委员会|局|镇|乡|街道办事处|街道|办公室|中心|学校|小学|中学|医院|院|所|站|队|馆|社|会|部|厅|委|办|公司|村|社区)$/;
const TITLE_WORD = /报告|自评|评价|情况|绩效/;
/** A title's unit before 关于 or the year: 某某局关于… / 某某镇2023年度… */
const UNIT_BEFORE_TITLE = new RegExp(`^(.{2,30}?)(?:关于|${WRITTEN_YEAR})`);

/** Title, unit (单位名称), year and kind from the lines before the first numbered heading. */
export function readMeta(lines: string[]): Meta {
  const head: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const n = classifyNumberedLine(line);
    if (n || line.length > 60 || head.length >= 6) break;
    head.push(line);
  }
  const meta: Meta = {};
  const start = head.findIndex((l) => /^关于/.test(l) || startsWithYear(l) || TITLE_WORD.test(l));
  if (start >= 0) {
    let end = start;
    while (end < head.length && !/报告|自评表|情况$|打分表/.test(head[end]) && end - start < 3) end++;
    if (end >= head.length) end = start;
    const title = head.slice(start, end + 1).join('').replace(/\s+/g, '');
    meta.title = title;
    const before = head.slice(0, start).reverse().find((l) => !/[：:]/.test(l) && l.length <= 30 && ORG_SUFFIX.test(l));
    if (before) meta.unit = before.replace(/\s+/g, '');
    else {
      const m = UNIT_BEFORE_TITLE.exec(title);
      if (m && ORG_SUFFIX.test(m[1])) meta.unit = m[1];
    }
    const year = yearIn(title);
    if (year !== undefined) meta.year = year;
    meta.kind = /项目/.test(title) && !/整体/.test(title) ? '项目支出绩效自评报告'
      : /整体|部门/.test(title) ? '部门整体支出绩效自评报告'
      : /打分表/.test(title) ? '自评打分表'
      : '绩效自评报告';
  }
  if (meta.year === undefined) {
    for (const line of lines.slice(0, 10)) {
      const y = yearIn(line);
      if (y !== undefined) { meta.year = y; break; }
    }
  }
  return meta;
}
