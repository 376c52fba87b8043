// Checks many files on a worker pool, yielding results in input order with a bounded window in flight.
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { CheckWorker, takeEarlyWorker, DEFAULT_MAX_HEAP_MB } from './workers.js';
import type { Config } from './config.js';
import type { FileResult } from './pipeline.js';
import type { Input, Unreadable } from './files.js';
import type { ReadOptions, ReadProgress } from './readers/contract.js';
import { readerSeverity, ref, type Diagnostic, type ReaderMessageId } from './catalog/readers/index.js';
import { settle } from './severity.js';

export interface BatchOptions {
  /** Worker threads; 0 checks in this thread (no timeout enforcement). */
  jobs?: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs?: number;
  /** Heap limit per worker in MiB: a file that needs more is reported, not fatal to the run. */
  maxHeapMb?: number;
  /** Return each file's extracted records with its findings (default); off when no formatter reads them, which
   * spares cloning them out of the worker and keeping them. */
  keepReports?: boolean;
  /** Recognise image-only PDF pages with OCR. */
  ocr?: boolean;
  /** Told how a long read goes (OCR pages), per file, from whichever thread reads it. */
  onProgress?: (path: string, progress: ReadProgress) => void;
}

/**
 * A port the worker posts a file's progress on, when someone listens; the listening end does not keep the process
 * alive, and is closed with `stop`.
 */
function progressChannel(path: string, onProgress: BatchOptions['onProgress']): { port?: MessagePort; stop: () => void } {
  if (!onProgress) return { stop: () => undefined };
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (p: ReadProgress) => onProgress(path, p));
  port1.unref();
  return { port: port2, stop: () => port1.close() };
}

/** A file that ended without a result of its own: a finding as data, its severity settled like the pipeline's. */
async function failedResult<R extends 'timeout' | 'read-error'>(
  path: string, config: Config, rule: R, messageId: ReaderMessageId<R>, data: Record<string, unknown> = {},
): Promise<FileResult> {
  const d: Diagnostic = { rule, messageId, data, location: { file: path } };
  const finding = settle(d, readerSeverity(rule), config);
  return { path, format: 'unknown', status: 'failed', findings: finding ? [finding] : [] };
}

const REASONS: Record<string, ReaderMessageId<'read-error'>> = {
  ENOENT: 'reason-missing', ELOOP: 'reason-loop', EACCES: 'reason-denied', EPERM: 'reason-denied', ENOTDIR: 'reason-not-dir', ENAMETOOLONG: 'reason-too-long',
};

/** A folder or link met while walking the inputs that could not be followed: reported in its place. */
function unreadableResult(path: string, why: Unreadable, config: Config): Promise<FileResult> {
  if (why.missing) return failedResult(path, config, 'read-error', 'missing', { code: why.code });
  const reason = ref(REASONS[why.code] ?? 'reason-other', { target: why.target });
  return failedResult(path, config, 'read-error', 'inaccessible', { code: why.code, reason });
}

function describeFailure(path: string, err: unknown, timeoutMs: number, config: Config): Promise<FileResult> {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') return failedResult(path, config, 'timeout', 'timeout', { seconds: timeoutMs / 1000 });
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') return failedResult(path, config, 'read-error', 'out-of-memory');
  return failedResult(path, config, 'read-error', 'internal', { cause: e?.message ?? String(err) });
}

/** Time a worker may take to start and load the modules of a file, beyond the file's own limit. */
const LOAD_ALLOWANCE_MS = 120_000;

/**
 * A file's time limit, started by the worker when it starts the file itself: starting a worker thread and loading
 * the modules a file needs (pipeline, pdf.js, mammoth, exceljs) take seconds on a busy machine and are not the file's
 * doing. The worker posts on `started`; the signal aborts `timeoutMs` after that.
 */
function fileClock(timeoutMs: number): { signal: AbortSignal; started: MessagePort; stop: () => void } {
  const controller = new AbortController();
  const { port1, port2 } = new MessageChannel();
  const abort = () => controller.abort(new DOMException('file time limit', 'TimeoutError'));
  // a worker that never gets as far as the file (stuck loading) is stopped all the same, only later
  let timer = setTimeout(abort, timeoutMs + LOAD_ALLOWANCE_MS);
  port1.once('message', () => {
    clearTimeout(timer);
    timer = setTimeout(abort, timeoutMs);
  });
  // the port must not keep the process alive
  port1.unref();
  const stop = () => { clearTimeout(timer); port1.close(); };
  return { signal: controller.signal, started: port2, stop };
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Files a worker must have to pay for its start. A worker costs more than checking a file: its thread, loading the
 * pipeline and a reader's library (~0.4 s of CPU), its first files run cold, and V8 compiles everything again in the
 * worker's own isolate, on the compiler threads that had the second core to themselves while one worker ran.
 * Measured on two cores (`npm run bench -- --crossover`, BENCHMARKS.md): since the first worker starts while the CLI
 * loads and the compiler optimizes only what runs hot, two workers beat one from 16 PDFs on (24 before).
 * JIXIAO_FILES_PER_WORKER overrides it, for measuring where a second worker starts to pay, not for use.
 */
export const FILES_PER_WORKER = Number(process.env.JIXIAO_FILES_PER_WORKER) || 16;

/**
 * How many workers check a batch of `files` files with `jobs` allowed: one per FILES_PER_WORKER files, at least one,
 * at most `jobs`. A batch too small to pay for a second worker runs on one, so the default --jobs is never slower
 * than --jobs 1; the workers a batch gets all start at once, so a folder of fifty has both cores from the start.
 */
export function workerCount(files: number, jobs: number): number {
  return Math.max(1, Math.min(jobs, Math.ceil(files / FILES_PER_WORKER)));
}

/** Yields one FileResult per input, in input order, whatever the completion order. */
export async function* checkFiles(inputs: Array<Input | string>, config: Config, options: BatchOptions = {}): AsyncGenerator<FileResult> {
  const items: Input[] = inputs.map((i) => (typeof i === 'string' ? { path: i } : i));
  const jobs = options.jobs ?? defaultJobs();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const keepReport = options.keepReports ?? true;
  // how a file is read; progress is a callback in this thread, a port to a worker (progressChannel)
  const readOptions: ReadOptions = options.ocr ? { timeoutMs, ocr: true } : { timeoutMs };
  const inThread = (path: string): ReadOptions => (options.onProgress ? { ...readOptions, onProgress: (p) => options.onProgress?.(path, p) } : readOptions);
  const checkable = items.filter((i) => i.unreadable === undefined).length;
  if (jobs === 0 || checkable === 0) {
    // In this thread: the pipeline (every reader and check) is loaded only here; with workers, only they load it.
    const { checkFile } = await import('./pipeline.js');
    for (const { path, unreadable } of items) {
      if (unreadable !== undefined) { yield await unreadableResult(path, unreadable, config); continue; }
      try { yield await checkFile(path, config, keepReport, inThread(path)); } catch (err) { yield await describeFailure(path, err, timeoutMs, config); }
    }
    return;
  }
  const workers = workerCount(checkable, jobs);
  // one thread per worker, so which thread takes a file is decided here; the first may have started
  // while the CLI loaded (src/workers.ts), when it was started with the same heap limit
  const maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
  const pools: CheckWorker[] = [];
  const early = maxHeapMb === DEFAULT_MAX_HEAP_MB ? takeEarlyWorker() : undefined;
  if (early) pools.push(early);
  while (pools.length < workers) pools.push(new CheckWorker(maxHeapMb));
  // which worker has a file: one at a time each
  const busy = pools.map(() => false);
  // At most one task is handed to each worker at once, so a task's timeout clock starts when it runs,
  // not while it queues; at most `window` results wait for an earlier slow file, so memory stays flat.
  const window = Math.max(jobs * 4, 8);
  const results = new Map<number, Promise<FileResult>>();
  let emitted = 0;
  let wake: (() => void) | undefined;
  const nudge = () => { const w = wake; wake = undefined; w?.(); };
  let next = 0;
  const fill = () => {
    while (next < items.length && busy.includes(false) && next < emitted + window) {
      const i = next++;
      const { path: p, unreadable } = items[i];
      if (unreadable !== undefined) { results.set(i, unreadableResult(p, unreadable, config)); continue; }
      const k = busy.indexOf(false);
      busy[k] = true;
      const { signal, started, stop } = fileClock(timeoutMs);
      const progress = progressChannel(p, options.onProgress);
      const task = { path: p, config, keepReport, started, read: readOptions, ...(progress.port ? { progress: progress.port } : {}) };
      results.set(i, pools[k].run(task, { signal, transferList: progress.port ? [started, progress.port] : [started] })
        .catch((err: unknown) => describeFailure(p, err, timeoutMs, config))
        .finally(() => { stop(); progress.stop(); busy[k] = false; fill(); nudge(); }) as Promise<FileResult>);
    }
  };
  try {
    fill();
    while (emitted < items.length) {
      while (!results.has(emitted)) await new Promise<void>((r) => { wake = r; });
      const result = await results.get(emitted)!;
      results.delete(emitted);
      emitted++;
      fill();
      yield result;
    }
  } finally {
    await Promise.all(pools.map((p) => p.stop()));
  }
}
