// OFD reader: placeholder.
import { ReadFailure, type ReaderOutput } from './contract.js';

export async function readOfd(_buf: Uint8Array): Promise<ReaderOutput> {
  throw new ReadFailure('read-error', 'binary');
}
