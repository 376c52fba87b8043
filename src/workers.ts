// The worker threads files are checked on: one piscina pool of one thread each, the first of which `jixiao check` starts
// before the CLI itself has loaded, so that the two load side by side.
import { setFlagsFromString } from 'node:v8';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

/** Heap limit per worker in MiB unless the caller sets one: a file that needs more is reported, not fatal to the run. */
export const DEFAULT_MAX_HEAP_MB = 2048;

/** The compiled worker; under vitest (running src/*.ts) fall back to dist/, which `npm test` builds first. */
function workerFile(): string {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return fileURLToPath(here);
  return fileURLToPath(new URL('../dist/src/worker.js', import.meta.url));
}

/**
 * V8's optimizing compiler, run on background threads, was a third of a worker's CPU again (docx half), and with two
 * workers on two cores that compilation takes CPU from the workers themselves. Two budgets (V8's flags are per
 * process, so they are set once, before the first worker starts; BENCHMARKS.md has the measurements):
 * - inlining: it inlines callees up to 920 bytes of bytecode into each function it compiles, and pdf.js, mammoth and
 *   the extraction are many mid-sized functions, recompiled as they deoptimize; 200 bytes cut the compiler threads'
 *   CPU by ~40 % with the workers no slower.
 * - when to optimize: by default a function is sent to the optimizing compiler after ~66 KB of its bytecode ran. The
 *   extraction's finders run once per file and are large, so they were compiled (30–100 ms each) after a few dozen
 *   files for a few milliseconds of running per file. At 200 KB the compiler threads' CPU fell by a quarter (~40 % with
 *   two workers), the workers' own no more than the noise; at 300 KB the one worker of --jobs 1 ran 13 % slower, its
 *   code left unoptimised too long.
 */
const COMPILER_BUDGETS = ['--max-inlined-bytecode-size-cumulative=200', '--interrupt-budget=200000'];

/**
 * How far V8 lets a worker's heap grow before its next full collection: by default a factor it picks between 1.1 and
 * 4 from how fast collections run. On a run of reports it picked the high end, so each worker's old space swung
 * between 65 and 130 MB, and the process' peak was wherever the two workers' swings met: it went on rising with the
 * number of files (504 → 2004 mixed files at --jobs 2: 1.14× and 1.27× in two runs). A fixed factor of 3 keeps the
 * peak 10–20 % lower and flat (1.08× and 1.11×) at no measurable cost in time; a factor of 2 saved a quarter but made
 * a single PDF worker collect more often (~4 % more CPU). BENCHMARKS.md, issue 22.
 */
const HEAP_GROWTH = ['--heap-growing-percent=200'];

/**
 * Flags the V8 of Node 20 (11.3) knows and later ones do not: from V8 11.8 (Node 21 on) the optimizing compiler is
 * triggered by counting calls, and V8 answers an unknown flag by printing "Error: unrecognized flag" on stderr, once
 * per run, which a CI log shows as an error.
 */
const GONE_AFTER_V8_11_3 = new Set(['--interrupt-budget']);

/** The tuning flags (compiler budgets, heap growth) that the V8 of `version` (process.versions.v8) knows. */
export function v8Flags(version: string = process.versions.v8): string[] {
  const [major, minor] = version.split('.').map(Number);
  const old = major < 11 || (major === 11 && minor <= 3);
  return [...COMPILER_BUDGETS, ...HEAP_GROWTH].filter((flag) => old || !GONE_AFTER_V8_11_3.has(flag.split('=')[0]));
}

let tuned = false;
function tuneV8(): void {
  if (tuned) return;
  tuned = true;
  for (const flag of v8Flags()) setFlagsFromString(flag);
}

/**
 * One worker thread (a piscina pool of one), which starts loading the pipeline at once. It is stopped only once it has
 * loaded: Node 20 aborts the whole process when a thread is terminated while it loads an ES module (piscina loads the
 * worker with require), as a usage error right after the early start, or a pipe closed by `head`, would do.
 */
export class CheckWorker {
  private readonly pool: Piscina;
  /** settles once the thread has loaded the worker's modules, or failed to */
  private readonly loaded: Promise<unknown>;

  constructor(maxHeapMb = DEFAULT_MAX_HEAP_MB) {
    tuneV8();
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: 1,
      maxThreads: 1,
      // a worker once started is kept till the batch ends (stop()), even while it waits for a slow file's result to
      // free the window: starting it again would cost its whole start a second time
      idleTimeout: 600_000,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    // the first task of the thread: it runs as soon as the worker module is loaded
    this.loaded = this.pool.run(null, { name: 'loaded' }).catch(() => undefined);
  }

  run(task: unknown, options: Parameters<Piscina['run']>[1]): Promise<unknown> {
    return this.pool.run(task, options);
  }

  async stop(): Promise<void> {
    await this.loaded;
    await this.pool.destroy();
  }
}

let early: CheckWorker | undefined;

/**
 * The CLI's modules take ~0.3 s to load before it knows what to check, and a worker as long to load the pipeline: a
 * command line that will check files on workers (`check`, `annotate`) starts the first worker before the CLI loads.
 * The batch takes it (takeEarlyWorker); `closeEarlyWorker` stops it when nothing did.
 */
export function startEarlyWorker(argv: readonly string[]): void {
  const [command, ...rest] = argv.slice(2);
  if (command !== 'check' && command !== 'annotate') return;
  if (rest.includes('--help') || rest.includes('-h')) return;
  early ??= new CheckWorker();
}

/** The worker started early, once: later batches start their own. */
export function takeEarlyWorker(): CheckWorker | undefined {
  const worker = early;
  early = undefined;
  return worker;
}

/** Stops the early worker if no batch took it (a usage error, nothing to check), so the process can end. */
export async function closeEarlyWorker(): Promise<void> {
  await takeEarlyWorker()?.stop();
}
