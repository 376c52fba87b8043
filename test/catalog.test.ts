// One catalog for every word jixiao says: each message id renders in both languages, nothing else spells a message.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checks, hasTemplate, messageText, renderMessage, registry } from '../src/checks/index.js';
import { READER_RULES } from '../src/catalog/readers/index.js';
import { MissingMessage, type Text } from '../src/catalog/define.js';
import { ui } from '../src/catalog/ui.js';
import { cli } from '../src/catalog/cli.js';
import { comparisonMessages } from '../src/catalog/comparison.js';

const CJK = /[\u4e00-\u9fff]/;
/** English text may quote Chinese it names (the review copy's file name <name>.审阅.<ext>, a sheet called 问题清单). */
const ENGLISH_ALLOWED_CJK = /审阅/g;

/** Files that hold the genre's own words for parsing (numerals, page-number patterns) or data in both languages. */
const NOT_MESSAGES = new Map([
  ['src/readers/docx-numbering.ts', 'renders Word list numbering (一、 甲、) as Word shows it'],
  ['src/readers/pdf-text.ts', 'page-number lines (第3页) to drop from the text'],
  ['src/own-workbook.ts', 'the workbook’s sheet names, in both languages'],
  ['src/annotate/place.ts', 'the review copy’s file name (.审阅.) and numerals to find a number in the text'],
  ['src/annotate/index.ts', 'the review copy’s file name (.审阅.)'],
  ['src/annotate/marker.ts', 'the review copy’s file name (.审阅.), spelt once for the writer and the folder walk'],
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** A value for each placeholder of a template: enough to render it, and a number so {x|s} has something to count. */
function sampleValues(...templates: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const t of templates) for (const m of t.matchAll(/\{(\w+)(?:\|\w*)?\}/g)) values[m[1]] = 2;
  return values;
}

/** Renders every entry of a set of templates in both languages and returns what is wrong with each. */
function problemsOf(name: string, entries: Record<string, Text>, render: (id: string, lang: 'zh' | 'en', values: Record<string, unknown>) => string): string[] {
  const problems: string[] = [];
  for (const [id, text] of Object.entries(entries)) {
    const values = sampleValues(text.zh, text.en);
    const zh = render(id, 'zh', values);
    const en = render(id, 'en', values);
    if (/\{\w+(\|\w*)?\}/.test(zh + en)) problems.push(`${name}.${id}: a placeholder is left`);
    if (CJK.test(en.replace(ENGLISH_ALLOWED_CJK, ''))) problems.push(`${name}.${id}: Chinese in the English text: ${en}`);
    if (/[A-Za-z]{3,} [A-Za-z]{3,}/.test(zh.replace(/“[^”]*”|JSON Schema|jixiao \w+|-f \w+|--[\w-]+|check -f \w+ --records|summary|tesseract\.js|LibreOffice|soffice|[\w.-]+\.(?:xml|xlsx|json|docx)|@tesseract\.js-data\/chi_sim/g, ''))) {
      problems.push(`${name}.${id}: English in the Chinese text: ${zh}`);
    }
  }
  return problems;
}

describe('the catalog', () => {
  it('every message of every rule renders in Chinese and in English, none left half-filled or in the other language', () => {
    const problems = checks.flatMap((c) => problemsOf(c.id, c.messages, (id, lang, values) => renderMessage(c.id, id, values, lang)));
    expect(problems).toEqual([]);
    // every rule, readers' included, is listed, and each check's messages are its own rule's
    for (const id of Object.keys(READER_RULES)) expect(checks.some((c) => c.id === id), id).toBe(true);
    for (const c of registry) expect(checks.find((r) => r.id === c.id)?.messages).toBe(c.messages);
  });

  it('every phrase of the formatters and of the command line renders in both languages', () => {
    expect(problemsOf('ui', ui.entries, (id, lang, values) => ui(id as keyof typeof ui.entries, lang, values))).toEqual([]);
    expect(problemsOf('cli', cli.entries, (id, lang, values) => cli(id as keyof typeof cli.entries, lang, values))).toEqual([]);
  });

  it('a message id the catalog does not have is an error, never rendered as the bare id', () => {
    expect(() => renderMessage('rate', 'no-such-id', {}, 'zh')).toThrow(MissingMessage);
    expect(() => renderMessage('no-such-rule', 'mismatch', {}, 'en')).toThrow(MissingMessage);
    expect(hasTemplate('rate', 'no-such-id')).toBe(false);
  });

  it('defines the mismatch and truncated sentences once: every check that compares a number uses them', () => {
    for (const id of ['rate', 'share', 'sum', 'growth', 'exec-score', 'indicator-score', 'score-total']) {
      const c = checks.find((x) => x.id === id)!;
      for (const which of ['mismatch', 'truncated'] as const) {
        const shared = comparisonMessages({ zh: '', en: '' })[which];
        expect(c.messages[which].zh.endsWith(shared.zh), `${id}.${which}`).toBe(true);
        expect(c.messages[which].en.endsWith(shared.en), `${id}.${which}`).toBe(true);
      }
    }
  });

  it('renders nested messages, of the same rule or another, and lists in the language', () => {
    const detail = { messageId: 'detail-inflate', data: { member: 'word/document.xml', cause: 'bad' } };
    expect(renderMessage('read-error', 'zip-corrupt', { detail }, 'zh')).toMatch(/^文件已损坏：压缩包结构不完整（成员 word\/document\.xml 无法解压：bad）/);
    expect(renderMessage('read-error', 'zip-corrupt', { detail }, 'en')).toMatch(/\(member word\/document\.xml cannot be inflated: bad\)/);
    expect(renderMessage('embedded-object', 'embedded-unreadable', { name: 'x.xlsx', cause: { rule: 'timeout', messageId: 'xlsx-load', data: { seconds: 30 } } }, 'zh'))
      .toContain('Excel 文件在 30 秒内未能打开');
    expect(renderMessage('read-warning', 'sheet-unread', { sheets: ['“甲”', '“乙”'] }, 'zh')).toContain('“甲”、“乙”');
    expect(ui('summary', 'en', { files: 1, errors: 0, warnings: 2, twinNote: '' })).toBe('1 file checked: 0 errors, 2 warnings');
  });

  it('says where a compared number stands: the text or the table', () => {
    const f = { rule: 'sum', messageId: 'mismatch', expected: '10', actual: '11', data: { total: '合计', formula: '4 + 6' } };
    expect(messageText({ ...f, location: { file: 'x', paragraph: 3 } }, 'zh')).toBe('合计应为 10（4 + 6），文中为 11');
    expect(messageText({ ...f, location: { file: 'x', block: 2, row: 4, col: 1 } }, 'zh')).toBe('合计应为 10（4 + 6），表中为 11');
    expect(messageText({ ...f, location: { file: 'x', block: 2, row: 4, col: 1 } }, 'en')).toBe('合计 should be 10 (4 + 6); the table says 11');
    // a grade written in a table cell is the table's, not the text's (issue 21: “文中为” of a table value)
    const grade = { rule: 'grade', messageId: 'mismatch', expected: '优', actual: '良', data: { score: '93.8', bandsSource: { zh: '常用等级标准', en: 'the usual bands' } } };
    expect(messageText({ ...grade, location: { file: 'x', block: 9, row: 6, col: 2 } }, 'zh')).toBe('得分 93.8 按常用等级标准应为“优”，表中为“良”');
    expect(messageText({ ...grade, location: { file: 'x', paragraph: 12 } }, 'zh')).toBe('得分 93.8 按常用等级标准应为“优”，文中为“良”');
  });

  it('the code that makes findings (readers, batch, pipeline, files, shards, CLI, formatters) writes no Chinese of its own', () => {
    const producers = [
      ...sources('src/readers'), ...sources('src/report'), ...sources('src/annotate'), 'src/batch.ts', 'src/pipeline.ts', 'src/files.ts',
      'src/worker.ts', 'src/findings.ts', 'src/severity.ts', 'src/shards.ts', 'src/cli.ts', 'src/progress.ts', 'src/own-workbook.ts',
    ];
    const offending = producers.filter((f) => !NOT_MESSAGES.has(f))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      // a { zh, en } value is catalog data in place (the workbook's column headers); comments say why in either language
      .filter(({ line }) => CJK.test(line.replace(/\/\/.*$|^\s*\*.*$|^\s*\/\*\*.*$|\{ zh: '[^']*', en: '[^']*' \}|describe\('[^']*'\)/g, '')))
      .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });
  // every finding the readers and checks make on the fixtures renders too: test/corpus.test.ts (e2e)
});
