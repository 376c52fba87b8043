// Worker-thread entry: checks one file. Runs inside the piscina pool so a stuck or huge file can be killed alone.
import { extname } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { checkFile, type FileResult } from './pipeline.js';
import type { Config } from './config.js';
import type { ReadOptions } from './readers/contract.js';

/** The reader and library a file of this kind will need, loaded once per worker (pdf.js alone takes ~0.3 s). */
const loaders: Record<string, () => Promise<unknown>> = {
  '.pdf': async () => (await import('./readers/pdf.js')).loadPdfLibrary(),
  '.docx': () => import('./readers/docx.js'),
  '.xlsx': () => import('./readers/xlsx.js'),
};

export interface WorkerTask {
  path: string;
  config: Config;
  keepReport?: boolean;
  /** Told when the file itself starts, after the modules it needs are loaded: the file's time limit counts from then. */
  started?: MessagePort;
  read?: ReadOptions;
  /** Where the file's progress (OCR pages) is posted, when the caller shows it. */
  progress?: MessagePort;
}

/** The first task of every worker (src/workers.ts): done once this module and the pipeline have loaded. */
export function loaded(): true {
  return true;
}

export default async function checkInWorker(task: WorkerTask): Promise<FileResult> {
  // a library that fails to load fails again inside checkFile, which reports it for this file
  await loaders[extname(task.path).toLowerCase()]?.().catch(() => undefined);
  task.started?.postMessage('started');
  task.started?.close();
  const { progress } = task;
  const read: ReadOptions = progress ? { ...task.read, onProgress: (p) => progress.postMessage(p) } : { ...task.read };
  try {
    return await checkFile(task.path, task.config, task.keepReport, read);
  } finally {
    progress?.close();
  }
}
