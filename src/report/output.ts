// Output files written atomically: chunks go to a temp file beside the target, renamed over it only when complete.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Finish: the target now holds the whole output. */
  commit(): Promise<void>;
  /** Give up: the target is left as it was and the temp file is removed. */
  abort(): Promise<void>;
}

/**
 * A reader of the target (a spreadsheet open in another program, a CI step) sees the old file or the new one,
 * never half of one: rename within one directory is atomic.
 */
export async function atomicFile(target: string): Promise<Sink> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle: FileHandle = await open(temp, 'wx');
  let closed = false;
  const close = async () => { if (!closed) { closed = true; await handle.close(); } };
  return {
    async write(chunk) {
      // A file size limit or a disk filling up first shortens a write, and only the next one fails: write the rest
      // until it is all out or the system says why not, so a cut file is never taken for a whole one.
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let done = 0; done < bytes.length;) {
        const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
        if (bytesWritten === 0) throw Object.assign(new Error('no byte written'), { code: 'EIO' });
        done += bytesWritten;
      }
    },
    async commit() {
      await close();
      try { await rename(temp, target); } catch (e) { await rm(temp, { force: true }); throw e; }
    },
    async abort() {
      await close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}
