// The catalog of what readers, the batch and the pipeline report (not the checks): one rule per file, ids as union types.
import type { Location, Severity } from '../../findings.js';
import type { MessageRef } from '../define.js';
import embeddedObject from './embedded-object.js';
import formulaNoResult from './formula-no-result.js';
import internalError from './internal-error.js';
import legacyFormat from './legacy-format.js';
import noText from './no-text.js';
import ocr from './ocr.js';
import readError from './read-error.js';
import readWarning from './read-warning.js';
import sheetTruncated from './sheet-truncated.js';
import timeout from './timeout.js';

/** Every rule a reader, the batch or the pipeline reports under, by id. */
export const READER_RULES = {
  'embedded-object': embeddedObject,
  'formula-no-result': formulaNoResult,
  'internal-error': internalError,
  'legacy-format': legacyFormat,
  'no-text': noText,
  ocr,
  'read-error': readError,
  'read-warning': readWarning,
  'sheet-truncated': sheetTruncated,
  timeout,
} as const;

export type ReaderRule = keyof typeof READER_RULES;
/** The message ids of one reader rule (or of all of them): a literal union, so a misspelt id does not compile. */
export type ReaderMessageId<R extends ReaderRule = ReaderRule> = R extends ReaderRule ? keyof (typeof READER_RULES)[R]['messages'] & string : never;
/** A nested message (a zip-bomb's detail, a cause that is another rule's message). */
export type ReaderRef = MessageRef<ReaderMessageId, ReaderRule>;

/** One diagnostic: a rule, one of its message ids, and the values its template needs. No text: formatters render it. */
export type ReaderFinding = {
  [R in ReaderRule]: {
    rule: R;
    messageId: ReaderMessageId<R>;
    data?: Record<string, unknown>;
    /** only when this one finding differs from its message's default (the catalog's severity or messageSeverity) */
    severity?: Severity;
    location?: Partial<Location>;
    evidence?: string;
  };
}[ReaderRule];

/** A reader's diagnostic placed in its file, as it travels to the pipeline (its id was checked where it was written). */
export interface Diagnostic {
  rule: ReaderRule;
  messageId: ReaderMessageId;
  data?: Record<string, unknown>;
  severity?: Severity;
  location: Location;
  evidence?: string;
}

/** A message of a reader rule as a value of another message: `ref('detail-inflate', { member })`. */
export function ref(messageId: ReaderMessageId, data?: Record<string, unknown>, rule?: ReaderRule): ReaderRef {
  const r: ReaderRef = { messageId };
  if (data) r.data = data;
  if (rule) r.rule = rule;
  return r;
}

/** The default severity of a reader rule. */
export function readerSeverity(rule: ReaderRule): Severity {
  return READER_RULES[rule].severity;
}

/**
 * The severity a reader's message takes by default when it differs from its rule's (the catalog's messageSeverity: a
 * converted legacy file is a note, a PDF that is all scan an error); undefined when it is the rule's own.
 */
export function messageSeverity(rule: ReaderRule, messageId: ReaderMessageId): Severity | undefined {
  return (READER_RULES[rule].messageSeverity as Partial<Record<string, Severity>> | undefined)?.[messageId];
}
