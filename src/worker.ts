// Worker-thread entry: checks one file. Runs inside the piscina pool so a stuck or huge file can be killed alone.
import { checkFile, type FileResult } from './pipeline.js';
import type { Config } from './config.js';
import type { ReadOptions } from './readers/contract.js';

export default async function checkInWorker(task: { path: string; config: Config; keepReport?: boolean; read?: ReadOptions }): Promise<FileResult> {
  return checkFile(task.path, task.config, task.keepReport, task.read);
}
