// The reader contract: what every reader returns and throws. Readers report a rule, a message id and values; the
// words live in the rule files (src/checks/) and are rendered in one place.
import type { SourceDocument } from '../document.js';
import type { Location, Severity } from '../findings.js';

/** The rules a reader may report under. */
export type ReaderRule =
  | 'read-error' | 'legacy-format' | 'no-text' | 'timeout' | 'read-warning'
  | 'sheet-truncated' | 'embedded-object' | 'formula-no-result' | 'ocr';

/** A value of a message that is itself a message, of the same rule unless named (the detail of a zip-bomb, say). */
export interface MessageRef { messageId: string; data?: Record<string, unknown>; rule?: string }
export function ref(messageId: string, data?: Record<string, unknown>, rule?: string): MessageRef {
  const r: MessageRef = { messageId };
  if (data) r.data = data;
  if (rule) r.rule = rule;
  return r;
}

/** One diagnostic of a reader; the file is filled in by readDocument. */
export interface ReaderFinding {
  rule: ReaderRule;
  messageId: string;
  data?: Record<string, unknown>;
  /** only when it differs from the rule's default (milder, or an error where the file could not be checked) */
  severity?: Severity;
  location?: Partial<Location>;
  evidence?: string;
}

/** What each reader returns. */
export interface ReaderOutput {
  blocks: SourceDocument['blocks'];
  pages?: number;
  findings: ReaderFinding[];
}

/** How the caller wants a file read. */
export interface ReadOptions {
  /** the time the whole file may take, in ms; conversions stop before it */
  timeoutMs?: number;
  /** recognise image-only PDF pages with OCR (--ocr) */
  ocr?: boolean;
  /** told how a long step of the read goes (OCR pages); called from the reader, so it must not throw */
  onProgress?: (progress: ReadProgress) => void;
}

/** OCR of a file's pages: `total` pages to recognise, `done` so far (0 when it starts). */
export interface ReadProgress {
  stage: 'ocr';
  done: number;
  total: number;
}

/** A reader failure that becomes one finding for the file, not a crash. */
export class ReadFailure extends Error {
  constructor(
    readonly rule: ReaderRule,
    /** which failure of the rule this is (zip-bomb, xml-dtd …); a key of the rule's messages */
    readonly messageId: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(`${rule}: ${messageId}`);
    this.name = 'ReadFailure';
  }
}
