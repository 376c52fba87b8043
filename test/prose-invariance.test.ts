// Writers and converters vary a report's surface without changing its arithmetic: spaces between Chinese and digits
// (Word documents typed that way, text copied from PDFs), full-width digits and ％, thousands separators, half-width
// punctuation, 较上年 or 同比 for 比上年, 本年度 for 本年, 上升 for 增长, 及 for 和. Each rewrite of the paragraphs of
// every real docx here must leave the error and warning findings as they are: a wording elsewhere must not lose an
// error or invent one.
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../src/readers/index.js';
import { extractReport } from '../src/model/extract.js';
import { runChecks, defaultSeverity } from '../src/checks/index.js';
import type { SourceDocument } from '../src/document.js';
import type { Finding } from '../src/findings.js';

const FOLDERS = ['fixtures', 'test/data/reports', 'test/data/reports2'];
const files = FOLDERS.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.docx')).map((n) => join(dir, n)));

const FULL_WIDTH_DIGIT = (c: string) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const CJK_THEN_DIGIT = /([\u4e00-\u9fa5])(\d)/g;
const DIGIT_THEN_CJK = /(\d)([\u4e00-\u9fa5])/g;

/** Rewrites that keep every number and every relation the text states. */
const REWRITES: Record<string, (text: string) => string> = {
  'a space between Chinese and digits': (t) => t.replace(CJK_THEN_DIGIT, '$1 $2').replace(DIGIT_THEN_CJK, '$1 $2'),
  'an ideographic space between Chinese and digits': (t) => t.replace(CJK_THEN_DIGIT, '$1\u3000$2').replace(DIGIT_THEN_CJK, '$1\u3000$2'),
  'full-width digits in amounts and rates': (t) => t.replace(/\d+(?:\.\d+)?(?=万元|%)/g, (m) => m.replace(/[\d.]/g, FULL_WIDTH_DIGIT)),
  'thousands separators in 万元 amounts': (t) => t.replace(/(?<![\d.,])(\d{4,})(?=(?:\.\d+)?万元)/g, (m) => Number(m).toLocaleString('en-US')),
  'the full-width percent sign': (t) => t.replace(/%/g, '％'),
  'half-width commas, colons and brackets': (t) => t.replace(/，/g, ',').replace(/：/g, ':').replace(/（/g, '(').replace(/）/g, ')'),
  '较上年 and 上一年 for 比上年': (t) => t.replace(/比上年/g, '较上年').replace(/与上年相比/g, '比上一年'),
  '其中： for 其中': (t) => t.replace(/其中(?![：:])/g, '其中：'),
  '同比 for 比上年 before a change': (t) => t.replace(/比上年(增长|下降|增加|减少)/g, '同比$1'),
  '上升 for 增长 before a rate': (t) => t.replace(/增长(?=\d)/g, '上升'),
  '本年度 for 本年, 2023年度 for 2023年': (t) => t.replace(/本年(?!度)/g, '本年度').replace(/(\d{4})年(?!度)/g, '$1年度'),
  '及 for 和': (t) => t.replace(/和/g, '及'),
  '分别是 for 分别为': (t) => t.replace(/分别为/g, '分别是'),
};

const HALF_WIDTH = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/．/g, '.').replace(/％/g, '%');
const severityOf = (f: Finding) => f.severity ?? defaultSeverity(f.rule, f.messageId) ?? 'error';
/** A finding by what it says is wrong: its level, its rule and the number it names, however that number was written. */
const keyOf = (f: Finding) => `${severityOf(f)} ${f.rule} ${HALF_WIDTH(String(f.actual ?? '')).replace(/[\s,，\u3000]/g, '')}`;

function findingsOf(document: SourceDocument): string[] {
  return runChecks(extractReport(document)).filter((f) => severityOf(f) !== 'info').map(keyOf).sort();
}

const rewritten = (document: SourceDocument, rewrite: (t: string) => string): SourceDocument => ({
  ...document,
  blocks: document.blocks.map((b) => (b.type === 'paragraph' ? { ...b, text: rewrite(b.text) } : b)),
});

describe('findings do not depend on the surface of the wording', () => {
  it('has real docx files to rewrite', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s', async (file) => {
    const { document } = await readDocument(file);
    const original = findingsOf(document);
    for (const [name, rewrite] of Object.entries(REWRITES)) {
      expect(findingsOf(rewritten(document, rewrite)), `${file}: ${name}`).toEqual(original);
    }
  });
});
