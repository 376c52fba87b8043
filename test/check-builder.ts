// Tiny builders for hand-made Report records and an ESLint-RuleTester-style table runner for the checks.
import { describe, it, expect } from 'vitest';
import type { Quantity, Report, Relation, Indicator, ScoreItem, BudgetRow } from '../src/model/schema.js';
import type { Location, Finding } from '../src/findings.js';
import { Config } from '../src/config.js';
import { runChecks, registry, messageText } from '../src/checks/index.js';

export const FILE = 'test.docx';

/** Where a number sits: a paragraph (prose) or a table cell. */
export const para = (paragraph: number): Location => ({ file: FILE, paragraph });
export const cell = (row: number, col: number, block = 5): Location => ({ file: FILE, block, row, col });

/**
 * A quantity from its text as written: "1,059.39万元" → value 1059.39, decimals 2, unit 万元; "≥95%" → comparator >=.
 * `at` places it (a paragraph number or a location); extra fields (label …) override.
 */
export function q(raw: string, at: number | Location = 1, extra: Partial<Quantity> = {}): Quantity {
  const ascii = raw.normalize('NFKC');
  const m = /^\s*(≥|≤|>=|<=|=|>|<)?\s*([-+]?[\d,]*\.?\d+)\s*(.*)$/.exec(ascii);
  if (!m) throw new Error(`not a number: ${raw}`);
  const digits = m[2].replace(/,/g, '');
  const comparator = ({ '≥': '>=', '≤': '<=', '>=': '>=', '<=': '<=', '=': '=', '>': '>', '<': '<' } as const)[m[1] as '≥'];
  const unitWritten = /％/.test(raw) ? '％' : m[3].trim();
  const out: Quantity = {
    raw,
    value: Number(digits),
    decimals: digits.includes('.') ? digits.split('.')[1].length : 0,
    location: typeof at === 'number' ? para(at) : at,
  };
  if (unitWritten) out.unit = unitWritten;
  if (comparator) out.comparator = comparator;
  return { ...out, ...extra };
}

/** q with a label. */
export const ql = (raw: string, label: string, at: number | Location = 1): Quantity => q(raw, at, { label });

export function report(parts: Partial<Report> = {}): Report {
  return {
    path: FILE, meta: {}, sections: [], facts: [], relations: [], indicators: [], scoreItems: [], budget: [], summary: {},
    ...parts,
  };
}

/** A relation with the boilerplate (location, evidence) filled in. */
export function rel<R extends Relation>(r: Omit<R, 'location' | 'evidence'> & Partial<Pick<R, 'location' | 'evidence'>>): R {
  return { location: para(1), evidence: '（原文）', ...r } as R;
}

export function indicator(i: Partial<Indicator> & { name: string }): Indicator {
  return { location: cell(0, 0), ...i };
}

export function scoreItem(i: Partial<ScoreItem> & { name: string }): ScoreItem {
  return { location: cell(0, 0, 9), ...i };
}

export function budgetRow(b: Partial<BudgetRow> & { label: string }): BudgetRow {
  return { location: cell(0, 0, 3), ...b };
}

/** Findings of one rule on one report, with an optional config (parsed, so defaults apply). */
export function findingsOf(rule: string, r: Report, config: unknown = {}): Finding[] {
  const check = registry.find((c) => c.id === rule);
  if (!check) throw new Error(`no such rule ${rule}`);
  return runChecks(r, Config.parse(config), [check]);
}

export interface ValidCase {
  name: string;
  report: Report;
  config?: unknown;
}

export interface InvalidCase extends ValidCase {
  /** each expected finding, matched in order with toMatchObject */
  errors: Array<Partial<Pick<Finding, 'messageId' | 'severity' | 'expected' | 'actual' | 'evidence'>> & { location?: Partial<Location>; data?: Record<string, unknown> }>;
}

/** RuleTester: valid cases yield no finding of the rule; invalid cases yield exactly the listed findings. */
export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(findingsOf(rule, c.report, c.config).map(project)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const found = findingsOf(rule, c.report, c.config);
        expect(found.map(project)).toHaveLength(c.errors.length);
        c.errors.forEach((e, i) => {
          expect(found[i]).toMatchObject({ rule, ...e });
          // every placeholder is filled, in both languages
          expect(messageText(found[i], 'zh')).not.toMatch(/\{\w+\}/);
          expect(messageText(found[i], 'en')).not.toMatch(/\{\w+\}/);
        });
      });
    });
  });
}

/** What a finding is about, for readable failures. */
function project(f: Finding) {
  return { messageId: f.messageId, severity: f.severity, expected: f.expected, actual: f.actual, message: messageText(f, 'zh') };
}
