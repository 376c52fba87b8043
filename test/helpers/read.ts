// The readers and the pipeline as a user sees their results: each finding settled and its message rendered (zh).
import { readBuffer as readBufferRaw, readDocument as readDocumentRaw, type ReadOptions } from '../../src/readers/index.js';
import { checkFile as checkFileRaw, type FileResult } from '../../src/pipeline.js';
import type { Config } from '../../src/config.js';
import type { SourceDocument } from '../../src/document.js';
import type { RenderedFinding } from '../../src/findings.js';
import { allSaid } from './said.js';

export interface ReadResult { document: SourceDocument; findings: RenderedFinding[] }

export async function readBuffer(path: string, buf: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const { document, findings } = await readBufferRaw(path, buf, options);
  return { document, findings: allSaid(findings) };
}

export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const { document, findings } = await readDocumentRaw(path, options);
  return { document, findings: allSaid(findings) };
}

export async function checkFile(path: string, config: Config, keepReport = true, read: ReadOptions = {}): Promise<Omit<FileResult, 'findings'> & { findings: RenderedFinding[] }> {
  const result = await checkFileRaw(path, config, keepReport, read);
  return { ...result, findings: allSaid(result.findings) };
}
