// The reader contract: what every reader returns and throws. Readers report a rule, a message id and values (typed by
// the catalog, src/catalog/readers/); the words live there and are rendered by the formatters, never here.
import type { SourceDocument } from '../document.js';
import { ref, type ReaderFinding, type ReaderMessageId, type ReaderRef, type ReaderRule } from '../catalog/readers/index.js';

export { ref, type ReaderFinding, type ReaderMessageId, type ReaderRef, type ReaderRule } from '../catalog/readers/index.js';
export type { ReaderRef as MessageRef } from '../catalog/readers/index.js';

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
export class ReadFailure<R extends ReaderRule = ReaderRule> extends Error {
  constructor(
    readonly rule: R,
    /** which failure of the rule this is (zip-bomb, xml-dtd …); a key of the rule's messages */
    readonly messageId: ReaderMessageId<R>,
    readonly data: Record<string, unknown> = {},
  ) {
    super(`${rule}: ${messageId}`);
    this.name = 'ReadFailure';
  }
}

/** A failure as the value of another message (the cause of an embedded workbook that could not be read). */
export function failureRef(failure: ReadFailure): ReaderRef {
  return ref(failure.messageId, failure.data, failure.rule);
}
