// xlsx reader (to be implemented).
import type { ReaderOutput } from './index.js';

export async function readXlsx(_buf: Uint8Array): Promise<ReaderOutput> {
  throw new Error('xlsx reader not implemented yet');
}
