// Legacy binaries (.doc .wps .xls .et): placeholder until the converters land.
import { ReadFailure, type ReaderOutput, type ReadOptions } from './contract.js';

export async function readLegacy(_buf: Uint8Array, format: 'doc' | 'xls', _options: ReadOptions): Promise<ReaderOutput> {
  throw new ReadFailure('legacy-format', 'unsupported', { format, target: format === 'doc' ? 'docx' : 'xlsx' });
}
