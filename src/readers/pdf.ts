// pdf reader (to be implemented).
import type { ReaderOutput } from './index.js';

export async function readPdf(_buf: Uint8Array): Promise<ReaderOutput> {
  throw new Error('pdf reader not implemented yet');
}
