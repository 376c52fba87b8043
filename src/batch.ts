// Checks many files on a worker pool, yielding results in input order with a bounded window in flight.
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Config } from './config.js';
import type { FileResult } from './pipeline.js';
import type { Finding } from './findings.js';
import type { Input, Unreadable } from './files.js';

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
}

/** The compiled worker; under vitest (running src/*.ts) fall back to dist/, which `npm test` builds first. */
function workerFile(): string {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return fileURLToPath(here);
  return fileURLToPath(new URL('../dist/src/worker.js', import.meta.url));
}

function failedResult(path: string, rule: 'timeout' | 'read-error', zh: string, en: string): FileResult {
  const finding: Finding = { rule, severity: 'error', message: zh, messageId: rule, location: { file: path }, data: { en } };
  return { path, format: 'unknown', status: 'failed', findings: [finding] };
}

/** A folder or link met while walking the inputs that could not be followed: reported in its place. */
function unreadableResult(path: string, why: Unreadable): FileResult {
  return failedResult(path, 'read-error', `无法访问：${why.zh}（${why.code}）。请检查该路径的权限或链接是否有效。`,
    `Cannot access this path (${why.code}); check its permissions or link target.`);
}

function describeFailure(path: string, err: unknown, timeoutMs: number): FileResult {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return failedResult(path, 'timeout', `处理超时（超过 ${timeoutMs / 1000} 秒），已中止该文件。文件可能过大或结构异常；可用 --timeout 放宽时限后重试。`,
      `Timed out after ${timeoutMs / 1000} s; processing of this file was stopped.`);
  }
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return failedResult(path, 'read-error', '处理该文件所需内存超出上限，已中止。文件可能过大或为恶意构造（如压缩炸弹）。',
      'Processing this file exceeded the memory limit and was stopped.');
  }
  return failedResult(path, 'read-error', `处理该文件时内部出错：${e?.message ?? String(err)}`, `Internal error: ${e?.message ?? String(err)}`);
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

/** Yields one FileResult per input, in input order, whatever the completion order. */
export async function* checkFiles(inputs: Array<Input | string>, config: Config, options: BatchOptions = {}): AsyncGenerator<FileResult> {
  const items: Input[] = inputs.map((i) => (typeof i === 'string' ? { path: i } : i));
  const jobs = options.jobs ?? defaultJobs();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const keepReport = options.keepReports ?? true;
  const checkable = items.filter((i) => i.unreadable === undefined).length;
  if (jobs === 0 || checkable === 0) {
    // In this thread: the pipeline (every reader and check) is loaded only here; with workers, only they load it.
    const { checkFile } = await import('./pipeline.js');
    for (const { path, unreadable } of items) {
      if (unreadable !== undefined) { yield unreadableResult(path, unreadable); continue; }
      try { yield await checkFile(path, config, keepReport); } catch (err) { yield describeFailure(path, err, timeoutMs); }
    }
    return;
  }
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: Math.min(jobs, checkable),
    maxThreads: jobs,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
  });
  // At most `jobs` tasks are handed to the pool at once, so a task's timeout clock starts when it runs,
  // not while it queues; at most `window` results wait for an earlier slow file, so memory stays flat.
  const window = Math.max(jobs * 4, 8);
  const results = new Map<number, Promise<FileResult>>();
  let running = 0;
  let emitted = 0;
  let wake: (() => void) | undefined;
  const nudge = () => { const w = wake; wake = undefined; w?.(); };
  let next = 0;
  const fill = () => {
    while (next < items.length && running < jobs && next < emitted + window) {
      const i = next++;
      const { path: p, unreadable } = items[i];
      if (unreadable !== undefined) { results.set(i, Promise.resolve(unreadableResult(p, unreadable))); continue; }
      running++;
      const { signal, started, stop } = fileClock(timeoutMs);
      results.set(i, pool.run({ path: p, config, keepReport, started }, { signal, transferList: [started] })
        .catch((err: unknown) => describeFailure(p, err, timeoutMs))
        .finally(() => { stop(); running--; fill(); nudge(); }) as Promise<FileResult>);
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
    await pool.destroy();
  }
}
