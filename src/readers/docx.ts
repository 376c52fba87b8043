// docx reader (to be implemented).
import type { ReaderOutput } from './index.js';

export async function readDocx(_buf: Uint8Array): Promise<ReaderOutput> {
  throw new Error('docx reader not implemented yet');
}
