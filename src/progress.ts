// Progress bars on a terminal's stderr (the CLI's alone): files done, and the pages OCR has read so far.
import { MultiBar, type SingleBar } from 'cli-progress';
import type { ReadProgress } from './readers/contract.js';
import { ui } from './catalog/ui.js';
import type { Lang } from './catalog/define.js';

export interface Progress {
  /** a file's result is out: its bar moves, and its OCR pages count as done */
  fileDone(path: string): void;
  /** a file's OCR progress, from the reader */
  ocr(path: string, progress: ReadProgress): void;
  stop(): void;
}

/**
 * Bars for a run over `files` files: the file bar when there is more than one, the OCR bar once a file starts OCR
 * (its total grows as more scanned files start). Undefined without a terminal: a log gets no bars.
 */
export function progressBars(stream: NodeJS.WritableStream | undefined, files: number, lang: Lang = 'zh'): Progress | undefined {
  if (!stream) return undefined;
  const multi = new MultiBar({ stream, hideCursor: true, clearOnComplete: true, format: '{bar} {value}/{total} {file}' });
  const fileBar = files > 1 ? multi.create(files, 0, { file: '' }) : undefined;
  let ocrBar: SingleBar | undefined;
  const pages = new Map<string, ReadProgress>();
  const updateOcr = (path: string) => {
    let done = 0, total = 0;
    for (const p of pages.values()) { done += p.done; total += p.total; }
    if (total === 0) return;
    ocrBar ??= multi.create(total, 0, { file: '' }, { format: `{bar} {value}/{total} ${ui('ocr-pages', lang)} {file}` });
    ocrBar.setTotal(total);
    ocrBar.update(done, { file: path });
  };
  // The bars hide the cursor and turn off line wrap until stop(): give both back on every way out, a Ctrl-C included,
  // then end as the signal would have (the shell sees 130 for SIGINT).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const s of signals) process.removeListener(s, onSignal);
    process.removeListener('exit', stop);
    multi.stop();
  };
  function onSignal(signal: NodeJS.Signals) {
    stop();
    process.kill(process.pid, signal);
  }
  for (const s of signals) process.once(s, onSignal);
  process.once('exit', stop);
  return {
    fileDone(path) {
      const p = pages.get(path);
      // the last page's event may come after the file's result (another channel): the file is done all the same
      if (p && p.done < p.total) { pages.set(path, { ...p, done: p.total }); updateOcr(path); }
      fileBar?.increment(1, { file: path });
    },
    ocr(path, progress) {
      pages.set(path, progress);
      updateOcr(path);
    },
    stop,
  };
}
