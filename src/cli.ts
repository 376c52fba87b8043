// Command-line wiring: parses options, runs the pipeline, writes output, and alone decides the exit code.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { FileResult } from './pipeline.js';
import type { ReadProgress } from './readers/contract.js';
import { checkFiles, defaultJobs, FILES_PER_WORKER } from './batch.js';
import { expandPaths, type Input, type PathArg, type Skipped } from './files.js';
import { formatters, errorsOnly, emptySummary, tally, type FormatOptions, type Summary } from './report/index.js';
import { addBatchCounts, batchFindings, countedOnce, joinBatch, keyedResult, withoutKeys, type KeyedResult } from './report/batch.js';
import { crossFileOn, runBatchStage, type BatchOutcome } from './checks/batch-stage.js';
import { atomicFile, type Sink } from './report/output.js';
import { checks, ruleOptionProblems, settingKeys } from './checks/index.js';
import { Config, defaultConfig, configProblems } from './config.js';
import { takeShards, reduceShards, ShardError, type Shard } from './shards.js';
import { progressBars } from './progress.js';
import { cli, errnoText, type CliPhrase } from './catalog/cli.js';
import { issueText, issuesText } from './catalog/zod.js';
import type { Lang } from './catalog/define.js';
import { defaultSeverities, settleDiagnostics } from './severity.js';
import { messageOf, rendered } from './report/common.js';
import type { NoCopy } from './annotate/index.js';

/** Thrown for usage errors that commander cannot see (missing paths, bad config): exit 2. Worded from the catalog. */
class UsageError extends Error {
  constructor(readonly id: CliPhrase, readonly data: Record<string, unknown> = {}) {
    super(id);
    this.name = 'UsageError';
  }
}

/** Output that could not be written (a full disk, a closed device): one sentence and exit 2, never a stack trace. */
class OutputError extends UsageError {}

const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** Where JSON.parse stopped, as line and column: V8 says "at position N"; the words around it are its own English. */
function jsonPosition(text: string, err: unknown): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!m) return undefined;
  const before = text.slice(0, Number(m[1])).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The configuration, and the file it came from (said once on stderr, and in json output). */
interface Loaded { config: Config; path?: string }

function loadConfig(file: string | undefined, io: CliIO, lang: Lang): Loaded {
  const path = file ?? (existsSync('jixiao.config.json') ? 'jixiao.config.json' : undefined);
  if (!path) return { config: defaultConfig };
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    throw new UsageError('config-unreadable', { path, code: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) {
    const at = jsonPosition(text, e);
    throw new UsageError(at ? 'config-json' : 'config-json-anywhere', { path, ...at });
  }
  // A misspelt key, rule name or severity would otherwise be ignored or reported without the words the user needs.
  const problems = configProblems(raw, checks.map((c) => c.id), settingKeys);
  if (problems.length) {
    throw new UsageError('config-invalid', { path, problems: problems.map((p) => cli(p.id, lang, p.data)).join(cli('problem-separator', lang)) });
  }
  const parsed = Config.safeParse(raw);
  if (!parsed.success) throw new UsageError('config-invalid', { path, problems: issuesText(parsed.error, lang) });
  // each rule's options (grade: bands, weight-total: totals) by the rule's own schema, where they stand in the file
  const options = ruleOptionProblems(parsed.data).flatMap(({ rule, error }) => error.issues.map((i) => ({ ...i, path: ['rules', rule, ...i.path] })));
  if (options.length) throw new UsageError('config-invalid', { path, problems: options.map((i) => issueText(i, lang)).join(cli('problem-separator', lang)) });
  io.stderr(`jixiao: ${cli('config-loaded', lang, { path: resolve(path) })}\n`);
  return { config: parsed.data, path: resolve(path) };
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Where the CLI reads and writes; tests pass their own. Without the TTY flags: no colour, no progress bar. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** all of standard input, for `check -` */
  stdin?: () => Promise<string>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** where progress bars go when stderr is a terminal (process.stderr unless a test gives its own) */
  progressStream?: NodeJS.WritableStream;
  /** a failure of standard output other than its reader going away (a full disk), once it has happened */
  stdoutFailure?: () => NodeJS.ErrnoException | undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The process's own streams. A reader that goes away (`| head`) ends the listing only: the run goes on (review copies
 * are still written) and the exit code still reports the findings. Any other write failure (`> /dev/full`) stops the
 * run at the next write with one sentence and exit 2.
 */
function processIO(): CliIO {
  let stdoutGone = false;
  let stdoutError: NodeJS.ErrnoException | undefined;
  let stderrGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') stdoutGone = true; else stdoutError ??= e; });
  process.stderr.on('error', () => { stderrGone = true; });
  return {
    stdout: (s) => {
      if (stdoutError) throw stdoutFailed(stdoutError);
      if (!stdoutGone) process.stdout.write(s);
    },
    stderr: (s) => { if (!stderrGone) process.stderr.write(s); },
    stdin: readStdin,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    // CI logs are not terminals even when they claim to be: no progress bar there.
    stderrIsTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
    stdoutFailure: () => stdoutError,
  };
}

/** The language of messages said outside commander's actions (a failed write can come at any time): main sets it. */
let outputLang: Lang = 'zh';
const stdoutFailed = (e: NodeJS.ErrnoException) => new OutputError('stdout-failed', { why: errnoText(e.code, outputLang) });

interface OutputOptions {
  format: string;
  /** -0: paths on standard input are separated by NUL */
  null?: boolean;
  /** nothing to check in the paths given is an empty result (exit 0), not a usage error */
  allowEmpty?: boolean;
  output?: string;
  config?: string;
  lang: 'zh' | 'en';
  quiet?: boolean;
  maxWarnings?: number;
  jobs: number;
  /** seconds */
  timeout: number;
  /** ndjson/json: each file's extracted records on its line, for `summary` to reduce */
  records?: boolean;
  /** recognise image-only PDF pages */
  ocr?: boolean;
  /** --no-cross-file: false turns the checks across files off */
  crossFile?: boolean;
}

/** The time limit per file with --ocr when --timeout is not given: OCR takes 5-15 s a page. */
const OCR_TIMEOUT_S = 600;

/** --timeout as given, or its default: 60 s, or OCR_TIMEOUT_S with --ocr. */
function timeoutOf(command: Command, opts: { timeout: number; ocr?: boolean }): number {
  return opts.ocr && command.getOptionValueSource('timeout') === 'default' ? OCR_TIMEOUT_S : opts.timeout;
}

/** The bars, on a terminal only. */
function barsFor(io: CliIO, files: number, lang: Lang) {
  return progressBars(io.stderrIsTTY ? io.progressStream ?? process.stderr : undefined, files, lang);
}

/** Option values that must be counts; the reason a value is refused is the catalog's, in the run's language. */
const nonNegativeInteger = (lang: Lang) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(cli('non-negative-integer', lang));
  return n;
};

/**
 * A list of paths on standard input: one per line (as `find` prints them; blank lines skipped), or with -0 separated by
 * NUL (as `find -print0` prints them, so a name may hold a newline; only empty entries are skipped). A NUL in a list
 * read by lines is -print0 output met without -0: a usage error, not one bogus path.
 */
export function splitList(text: string, nul: boolean | undefined): string[] {
  if (nul) return text.split('\0').filter((p) => p !== '');
  if (text.includes('\0')) throw new UsageError('nul-in-list');
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/**
 * `-` stands for paths read from standard input (splitList). Those are `listed`: a missing one is that entry's finding,
 * not a usage error, since the list may be stale.
 */
async function resolveInputs(paths: string[], io: CliIO, nul: boolean | undefined): Promise<PathArg[]> {
  if (!paths.includes('-')) return paths.map((path) => ({ path }));
  const lines = splitList(await (io.stdin ?? readStdin)(), nul);
  return paths.flatMap((p) => (p === '-' ? lines.map((path) => ({ path, listed: true })) : [{ path: p }]));
}

/** What the run says on stderr about a file it left out of a checked folder. */
const SKIP_NOTES: Record<Skipped['why'], CliPhrase> = {
  output: 'skip-output', workbook: 'skip-own-workbook', loop: 'skip-loop', 'link-loop': 'skip-link-loop', 'review-copy': 'skip-review-copy',
};

function skipNote(s: Skipped, lang: Lang): string {
  return `jixiao: ${cli(SKIP_NOTES[s.why], lang, { path: s.path, target: s.target ?? s.path })}\n`;
}

/** A workbook goes to a .xlsx file: `-o out.csv` would be an .xlsx under a name that lies, and stylish text in a .xlsx
 * would be no workbook at all. */
function checkOutputName(format: string, output: string | undefined): void {
  if (output === undefined) return;
  const isXlsx = /\.xlsx$/i.test(output);
  if (format === 'xlsx' && !isXlsx) throw new UsageError('workbook-name', { output });
  if (format !== 'xlsx' && isXlsx) throw new UsageError('not-workbook-name', { output, format });
}

/** What can be said of -o from its name and what is there now: said before standard input or any report is read. */
async function checkOutput(format: string, output: string | undefined): Promise<void> {
  if (formatters[format]!.binary && !output) throw new UsageError('needs-output', { format });
  checkOutputName(format, output);
  if (output !== undefined && (await stat(output).catch(() => undefined))?.isDirectory()) {
    throw new UsageError('output-is-folder', { output, example: join(output, OUTPUT_EXAMPLE[format] ?? 'jixiao.txt') });
  }
}

/** A file name to suggest for -o, by format; a workbook's in the user's language. */
const OUTPUT_EXAMPLE: Record<string, string> = {
  get xlsx() { return cli('example-workbook', outputLang); }, json: 'jixiao.json', ndjson: 'jixiao.ndjson', junit: 'jixiao-junit.xml',
};

/**
 * -o of check and summary, before any report is read (checkOutput has refused a folder there): missing folders above it
 * are created, and a place that cannot be written is said now rather than after the whole run. The file opened.
 */
async function openOutputFile(output: string): Promise<Sink> {
  try {
    await mkdir(dirname(output), { recursive: true });
    return await atomicFile(output);
  } catch (e) {
    throw new UsageError('output-unusable', { output, why: errnoText(folderCode(e), outputLang) });
  }
}

/** mkdir -p through a file says EEXIST; what the user needs to hear is that a part of the path is not a folder. */
const folderCode = (e: unknown): string | undefined => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EEXIST' ? 'ENOTDIR' : code;
};

/** The sink with its write failures (a full disk) turned into one sentence; the old file stays as it was. */
function guarded(sink: Sink, output: string): Sink {
  const sentence = <A extends unknown[]>(f: (...a: A) => Promise<void>) => async (...a: A): Promise<void> => {
    try { await f(...a); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw e;
      throw new OutputError('write-failed', { output, why: errnoText(code, outputLang) });
    }
  };
  return { write: sentence(sink.write), commit: sentence(sink.commit), abort: sink.abort };
}

/** -o: once the file is in place, one line on stderr says so and what it holds. */
function writtenNote(output: string, s: Summary, lang: Lang): string {
  return `jixiao: ${cli('written', lang, { output, ...s })}${s.failed ? cli('written-failed', lang, { failed: s.failed }) : ''}${cli('sentence-end', lang)}\n`;
}

const positiveInteger = (lang: Lang) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n === 0) throw new InvalidArgumentError(cli('positive-integer', lang));
  return n;
};

const positiveSeconds = (lang: Lang) => (value: string): number => {
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !(n > 0)) throw new InvalidArgumentError(cli('positive-seconds', lang));
  return n;
};

function enabledRules(config: Config): string[] {
  return checks.map((c) => c.id).filter((id) => {
    const setting = config.rules[id];
    return (typeof setting === 'object' ? setting.severity : setting) !== 'off';
  });
}

/** check and summary: run every file, write the chosen format as results arrive, return the exit code.
 * `shards`: results already made elsewhere (summary's reduce step), joined with this run's in path order. */
async function runCheck(paths: string[], opts: OutputOptions, io: CliIO, shards: Shard[] = []): Promise<number> {
  const formatter = formatters[opts.format];
  if (opts.records && !['ndjson', 'json'].includes(opts.format)) throw new UsageError('records-format');
  await checkOutput(opts.format, opts.output);
  const loaded = loadConfig(opts.config, io, opts.lang);
  // --no-cross-file: as if the configuration set the rule off (the dev sets hold a report's copies and mutations side by side)
  const config = { ...loaded.config, lang: opts.lang, ...(opts.crossFile === false ? { rules: { ...loaded.config.rules, 'cross-file': 'off' as const } } : {}) };
  const sink: Sink = opts.output
    ? guarded(await openOutputFile(opts.output), opts.output)
    : { write: async (chunk: string | Uint8Array) => { if (chunk.length) io.stdout(String(chunk)); }, commit: async () => {}, abort: async () => {} };
  let bar: ReturnType<typeof barsFor> | undefined;
  // Streaming formats keep nothing per file, so a run's memory does not grow with the number of files.
  const results: FileResult[] = [];
  // Every finding counts, listed or not (-q): the closing line, the workbook, --max-warnings and the exit code.
  const totals = emptySummary();
  try {
    const args = await resolveInputs(paths, io, opts.null);
    const { inputs, missing, skipped } = await expandPaths(args, opts.output);
    if (missing.length) throw new UsageError('path-missing', { paths: missing });
    for (const s of skipped) io.stderr(skipNote(s, opts.lang));
    // Paths named on the command line that hold no report are a mistake (unless --allow-empty); an empty list on stdin
    // (`find` found nothing new this week) is an empty result, as ESLint and markdownlint-cli2 treat an empty file list.
    if (inputs.length === 0 && shards.length === 0 && !paths.includes('-') && !opts.allowEmpty) {
      throw new UsageError('no-inputs');
    }
    const color = !opts.output && !process.env.NO_COLOR
      && (Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') || Boolean(io.stdoutIsTTY));
    const formatOptions: FormatOptions = {
      lang: opts.lang, color, rules: enabledRules(config), quiet: Boolean(opts.quiet), records: opts.records, config: loaded.path ?? null,
    };
    bar = inputs.length > 1 || opts.ocr ? barsFor(io, inputs.length, opts.lang) : undefined;
    // the checks across files keep each file's key figures and counts only (src/checks/batch-stage.ts), never its records
    const crossFile = crossFileOn(config);
    const keyed: KeyedResult[] = [];
    const emit = async (result: FileResult) => {
      const shown = opts.quiet ? errorsOnly(result) : result;
      tally(totals, shown);
      if (crossFile) keyed.push(keyedResult(result, shown));
      // results carry their records only when the formatter reads them (keepReports below)
      if (!formatter.streaming) results.push(withoutKeys(shown));
      if (formatter.file) await sink.write(formatter.file(shown, formatOptions));
      bar?.fileDone(result.path);
    };
    const checked = checkFiles(inputs, config, {
      jobs: opts.jobs, timeoutMs: opts.timeout * 1000, keepReports: Boolean(formatter.needsReport || opts.records),
      ...(opts.ocr ? { ocr: true, onProgress: (path: string, p: ReadProgress) => bar?.ocr(path, p) } : {}),
    });
    for await (const result of shards.length ? reduceShards(shards, checked) : checked) await emit(result);
    bar?.stop();
    let shownTotals = totals;
    let outcome: BatchOutcome | undefined;
    if (crossFile) {
      outcome = runBatchStage(keyed, config);
      // each file's own findings count for the exit code and --max-warnings; a twin counts once in what is shown
      addBatchCounts(totals, outcome);
      shownTotals = countedOnce(keyed, outcome);
      const batch = batchFindings(outcome, Boolean(opts.quiet));
      if (formatter.streaming) await sink.write(formatter.batch?.(batch, formatOptions) ?? '');
      else results.splice(0, results.length, ...results.map((r) => joinBatch(r, outcome!, Boolean(opts.quiet))));
    }
    await sink.write(await formatter.end(results, formatOptions, shownTotals, outcome));
    await sink.commit();
    if (opts.output) io.stderr(writtenNote(opts.output, shownTotals, opts.lang));
  } catch (e) {
    bar?.stop();
    await sink.abort();
    throw e;
  }
  if (totals.errors > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && totals.warnings > opts.maxWarnings) {
    io.stderr(`jixiao: ${cli('too-many-warnings', opts.lang, { warnings: totals.warnings, max: opts.maxWarnings })}\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

/**
 * read and extract: a JSON array with one object per file, however many files (a script reads one shape), each with
 * its reader findings when there are any. A path that does not exist is a usage error, as in check.
 */
async function readEach(files: string[], extract: boolean, io: CliIO, ocr = false): Promise<number> {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) throw new UsageError('path-missing', { paths: missing });
  const folder = files.find((f) => statSync(f).isDirectory());
  if (folder !== undefined) throw new UsageError('read-folder', { path: folder });
  const { readDocument } = await import('./readers/index.js');
  const { extractReport } = await import('./model/extract.js');
  const out = [];
  let code: number = EXIT.clean;
  const bar = ocr ? barsFor(io, files.length, 'zh') : undefined;
  for (const f of files) {
    const { document, findings: diagnostics } = await readDocument(f, ocr ? { ocr, onProgress: (p) => bar?.ocr(f, p) } : {});
    bar?.fileDone(f);
    const findings = settleDiagnostics(diagnostics, defaultConfig).map((x) => rendered(x, 'zh'));
    if (findings.some((x) => x.severity === 'error')) code = EXIT.findings;
    const record = extract ? extractReport(document) : document;
    out.push(findings.length ? { ...record, findings } : record);
  }
  bar?.stop();
  io.stdout(json(out));
  return code;
}

/** The copy's extensions: `annotate -o x.docx` names one copy; any other name is a folder. */
const COPY_FILE = /\.(docx|xlsx|pdf)$/i;

type AnnotateOptions = Omit<OutputOptions, 'format'> & { output: string; all?: boolean };

/** A folder for the copies: created with any missing parents, and writable, before any report is read. */
async function usableFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (e) {
    throw new UsageError('output-unusable', { output: folder, why: errnoText(folderCode(e), outputLang) });
  }
}

/**
 * Where annotate writes, decided before any report is read. An existing folder, or a name without a copy's extension,
 * is a folder (created when missing) mirroring the inputs' folders below their common folder, so two 单位A/报告.docx
 * never meet. A name with a copy's extension is the one copy of a single input. An existing file is never overwritten,
 * unless it is jixiao's copy of that same input.
 */
async function copyTarget(output: string, inputs: Input[], args: PathArg[]) {
  const { commonFolder, expectedCopyExtension } = await import('./annotate/index.js');
  const { reviewSourceOf } = await import('./annotate/marker.js');
  const there = await stat(output).catch(() => undefined);
  const single = inputs.length === 1 ? inputs[0]!.path : undefined;
  if (there && !there.isDirectory()) {
    if (single && extname(output).toLowerCase() === expectedCopyExtension(single) && await reviewSourceOf(output) === resolve(single)) return { file: output };
    throw new UsageError('annotate-output-is-file', { output });
  }
  if (!there && COPY_FILE.test(output)) {
    if (!single) throw new UsageError('annotate-output-one-file', { output, count: inputs.length });
    const want = expectedCopyExtension(single);
    if (extname(output).toLowerCase() !== want) throw new UsageError('annotate-output-extension', { output, want });
    await usableFolder(dirname(resolve(output)));
    return { file: output };
  }
  await usableFolder(output);
  // a folder given stands for itself, a file for its folder
  const folders = await Promise.all(args.map(async ({ path }) => (await stat(path).then((st) => st.isDirectory(), () => false) ? resolve(path) : dirname(resolve(path)))));
  return { folder: output, base: commonFolder(folders) };
}

/** Why a file got no review copy, in the language: a failed file says why it was not read, a failed write its errno. */
function whyNoCopy(noCopy: NoCopy, lang: Lang): string {
  if (noCopy.why === 'failed') {
    const why = noCopy.finding && messageOf(noCopy.finding, lang).replace(/[。.]\s*$/, '');
    return why ? cli('no-copy-failed-why', lang, { why }) : cli('no-copy-failed', lang);
  }
  const data = noCopy.why === 'write' ? { why: errnoText(String(noCopy.data?.code), lang) } : noCopy.data;
  return cli(`no-copy-${noCopy.why}`, lang, data);
}

/** annotate: checks like check, writes each report's review copy, lists `source → copy`; exit codes as check's. */
async function runAnnotate(paths: string[], opts: AnnotateOptions, io: CliIO): Promise<number> {
  const lang = opts.lang;
  const loaded = loadConfig(opts.config, io, lang);
  // review copies are written file by file as results come: findings across files are check's and the workbook's
  const config = { ...loaded.config, lang, rules: { ...loaded.config.rules, 'cross-file': 'off' as const } };
  const args = await resolveInputs(paths, io, opts.null);
  const { inputs: found, missing, skipped } = await expandPaths(args);
  if (missing.length) throw new UsageError('path-missing', { paths: missing });
  for (const s of skipped) io.stderr(skipNote(s, lang));
  const { annotateFiles, insideFolder } = await import('./annotate/index.js');
  // copies an earlier run left in the output folder are not reports, marked or not
  const inputs = found.filter((i) => !insideFolder(i.path, opts.output) || (io.stderr(`jixiao: ${cli('skip-in-output-folder', lang, { path: i.path })}\n`), false));
  if (inputs.length === 0 && !paths.includes('-') && !opts.allowEmpty) throw new UsageError('no-inputs');
  const target = await copyTarget(opts.output, inputs, args);
  const totals = emptySummary();
  let failedWrites = 0;
  const bar = inputs.length > 1 || opts.ocr ? barsFor(io, inputs.length, lang) : undefined;
  // said after the bars are gone, so that no line is drawn over
  const notes: string[] = [];
  const note = (text: string) => (bar ? notes.push(text) : io.stderr(text));
  const listing = (write: () => void) => { try { write(); } catch (e) { if (!(e instanceof OutputError)) throw e; } };
  const ocr = opts.ocr ? { ocr: true, onProgress: (path: string, p: ReadProgress) => bar?.ocr(path, p) } : {};
  try {
    const run = annotateFiles(inputs, config, { target, all: opts.all, lang, jobs: opts.jobs, timeoutMs: opts.timeout * 1000, onlyErrors: opts.quiet, ...ocr });
    for await (const { result, copy, replaced, noCopy } of run) {
      bar?.fileDone(result.path);
      tally(totals, result);
      // the listing may find its reader gone (`| head`) or its disk full: the copies are written all the same, and a
      // failed listing is said at the end (main)
      if (copy) listing(() => io.stdout(`${cli('copy-listed', lang, { source: result.path, copy, replaced: replaced ? cli('copy-replaced', lang) : '' })}\n`));
      else if (noCopy) {
        if (noCopy.why === 'write') failedWrites++;
        note(`jixiao: ${cli('no-copy', lang, { path: result.path, why: whyNoCopy(noCopy, lang) })}\n`);
      }
    }
  } finally {
    bar?.stop();
    for (const text of notes) io.stderr(text);
  }
  // a copy that could not be written is an output failure (exit 2); otherwise the findings decide, as for check
  if (failedWrites) return EXIT.usage;
  if (totals.errors > 0) return EXIT.findings;
  return opts.maxWarnings !== undefined && totals.warnings > opts.maxWarnings ? EXIT.findings : EXIT.clean;
}

/** The options check and summary share: configuration, language, filtering, exit thresholds, the worker pool. */
function withRunOptions(command: Command, quietHelp: CliPhrase, lang: Lang): Command {
  return command
    .option('-c, --config <file>', cli('config-option', lang))
    .addOption(new Option('--lang <lang>', cli('lang-option', lang)).choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', cli(quietHelp, lang))
    .option('--max-warnings <n>', cli('max-warnings-option', lang), nonNegativeInteger(lang))
    // -j: the upper bound, and when the batch actually starts more than one worker (src/batch.ts decides)
    .option('-j, --jobs <n>', cli('jobs-option', lang, { perWorker: FILES_PER_WORKER }), positiveInteger(lang), defaultJobs())
    .option('--timeout <seconds>', cli('timeout-option', lang, { ocr: OCR_TIMEOUT_S }), positiveSeconds(lang), 60)
    .option('--ocr', cli('ocr-option', lang))
    .option('-0, --null', cli('null-option', lang))
    .option('--allow-empty', cli('allow-empty-option', lang));
}

/** The language of the run, known before commander parses: usage errors and help are written in it too. */
export function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

const TITLES: Record<string, CliPhrase> = {
  'Usage:': 'title-usage', 'Options:': 'title-options', 'Commands:': 'title-commands', 'Arguments:': 'title-arguments',
  'Global Options:': 'title-global-options',
};

/** Commander's help in the run's language: its headings, and the choices and defaults it adds to a description. */
function helpIn(lang: Lang) {
  const extra = (description: string, choices: readonly string[] | undefined, defaultValue: unknown, shown: boolean) => {
    const items: string[] = [];
    if (choices) items.push(cli('help-choices', lang, { choices: choices.join(', ') }));
    if (shown && defaultValue !== undefined) items.push(cli('help-default', lang, { value: String(defaultValue) }));
    return items.length ? `${description}${description ? ' ' : ''}${cli('help-extra', lang, { items: items.join(cli('help-extra-separator', lang)) })}` : description;
  };
  return {
    styleTitle: (title: string) => (TITLES[title] ? cli(TITLES[title], lang) : title),
    optionDescription: (o: Option) => extra(o.description, o.argChoices, o.defaultValue, o.required || o.optional),
  };
}

/** The quoted parts of commander's English error message: the option, value or name it is about. */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

/** A commander usage error in the catalog's words: commander's own text is English and is not shown. */
function commanderText(err: CommanderError, lang: Lang): string {
  const q = quoted(err.message);
  const suggestion = /Did you mean (?:one of )?(.+?)\?\)/.exec(err.message)?.[1];
  const hint = suggestion ? cli('did-you-mean', lang, { suggestion }) : '';
  const reasonOf = (text: string) => {
    const reason = /is invalid\. (.*)$/s.exec(text)?.[1] ?? '';
    const choices = /Allowed choices are (.*)\.$/.exec(reason)?.[1];
    return choices ? cli('allowed-choices', lang, { choices }) : reason;
  };
  switch (err.code) {
    case 'commander.unknownOption': return cli('unknown-option', lang, { option: q[0] }) + hint;
    case 'commander.unknownCommand': return cli('unknown-command', lang, { command: q[0] }) + hint;
    case 'commander.missingArgument': return cli('missing-argument', lang, { argument: q[0] });
    case 'commander.optionMissingArgument': return cli('option-missing-argument', lang, { option: q[0] });
    case 'commander.missingMandatoryOptionValue': return cli('missing-mandatory-option', lang, { option: q[0] });
    case 'commander.invalidArgument':
      return err.message.includes('command-argument')
        ? cli('invalid-argument-value', lang, { argument: q[1], value: q[0], reason: reasonOf(err.message) })
        : cli('invalid-option-value', lang, { option: q[0], value: q[1], reason: reasonOf(err.message) });
    case 'commander.excessArguments': {
      const m = /Expected (\d+) argument.* but got (\d+)/.exec(err.message);
      return cli('too-many-arguments', lang, { expected: m?.[1] ?? '?', received: m?.[2] ?? '?' });
    }
    default: return cli('usage-error', lang, { code: err.code });
  }
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.clean;
  const lang = langOf(argv);
  outputLang = lang;
  const program = new Command();
  program
    .name('jixiao')
    .description(cli('program-description', lang))
    .version('0.1.0', '-V, --version', cli('version-option', lang))
    .helpOption('-h, --help', cli('help-option', lang))
    .helpCommand('help [command]', cli('help-command', lang))
    .exitOverride()
    // commander's own error text is English: it is replaced by the catalog's in the catch below
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .configureHelp(helpIn(lang));

  program.command('read')
    .description(cli('read-description', lang))
    .argument('<files...>', cli('files-argument', lang))
    .option('--ocr', cli('ocr-option', lang))
    .action(async (files: string[], opts: { ocr?: boolean }) => {
      exitCode = await readEach(files, false, io, Boolean(opts.ocr));
    });

  program.command('extract')
    .description(cli('extract-description', lang))
    .argument('<files...>', cli('files-argument', lang))
    .option('--ocr', cli('ocr-option', lang))
    .action(async (files: string[], opts: { ocr?: boolean }) => {
      exitCode = await readEach(files, true, io, Boolean(opts.ocr));
    });

  const check = program.command('check')
    .description(cli('check-description', lang))
    .argument('<paths...>', cli('paths-argument', lang))
    .addOption(new Option('-f, --format <name>', cli('format-option', lang))
      .choices(Object.keys(formatters)).default('stylish'))
    .option('-o, --output <file>', cli('output-option', lang))
    .option('--records', cli('records-option', lang))
    .option('--no-cross-file', cli('no-cross-file-option', lang));
  withRunOptions(check, 'quiet-check', lang)
    .action(async (paths: string[], opts: OutputOptions, command: Command) => {
      exitCode = await runCheck(paths, { ...opts, timeout: timeoutOf(command, opts) }, io);
    });

  const summary = program.command('summary')
    .description(cli('summary-description', lang))
    .argument('<paths...>', cli('summary-paths-argument', lang))
    .option('-o, --output <file>', cli('summary-output-option', lang))
    .option('--no-cross-file', cli('no-cross-file-option', lang));
  withRunOptions(summary, 'quiet-summary', lang)
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'>, command: Command) => {
      await checkOutput('xlsx', opts.output);
      const { paths: reports, shards } = await takeShards(paths, io.stdin ?? readStdin, (text) => splitList(text, opts.null));
      exitCode = await runCheck(reports, { ...opts, format: 'xlsx', timeout: timeoutOf(command, opts) }, io, shards);
    });

  const annotate = program.command('annotate')
    .description(cli('annotate-description', lang))
    .argument('<paths...>', cli('paths-argument', lang))
    .requiredOption('-o, --output <dir>', cli('annotate-output-option', lang))
    .option('--all', cli('all-option', lang));
  withRunOptions(annotate, 'quiet-annotate', lang)
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'> & { output: string; all?: boolean }, command: Command) => {
      exitCode = await runAnnotate(paths, { ...opts, timeout: timeoutOf(command, opts) }, io);
    });

  program.command('rules')
    .description(cli('rules-description', lang))
    .option('--json', cli('json-option', lang))
    .addOption(new Option('--lang <lang>', cli('lang-option', lang)).choices(['zh', 'en']).default('zh'))
    .action((opts: { json?: boolean; lang: Lang }) => {
      if (opts.json) { io.stdout(json(checks.map((c) => ({ ...c, severities: defaultSeverities(c) })))); return; }
      // one line a rule: its id, the severities its findings take by default (as check reports them), what it checks
      const lines = checks.map((c) => [c.id, defaultSeverities(c).join('/'), c.description[opts.lang]] as const);
      const width = (i: 0 | 1) => Math.max(...lines.map((l) => l[i].length)) + 2;
      for (const [id, severities, description] of lines) io.stdout(`${id.padEnd(width(0))}${severities.padEnd(width(1))}${description}\n`);
    });

  program.command('schema')
    .description(cli('schema-description', lang))
    .addOption(new Option('--of <what>', cli('of-option', lang)).choices(['report', 'document']).default('report'))
    .action(async (opts: { of: 'report' | 'document' }) => {
      const { Report } = await import('./model/schema.js');
      const { SourceDocument } = await import('./document.js');
      io.stdout(json(z.toJSONSchema(opts.of === 'report' ? Report : SourceDocument, { io: 'input', unrepresentable: 'any' })));
    });

  try {
    await program.parseAsync(argv);
    // a failed write to standard output is reported after the write, once the stream has had its turn to say so
    await new Promise((done) => setImmediate(done));
    const failure = io.stdoutFailure?.();
    if (failure) throw stdoutFailed(failure);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and --version end here too (exit 0); a usage error is worded from the catalog, with the way to help
      if (err.exitCode === 0) return EXIT.clean;
      io.stderr(`jixiao: ${commanderText(err, lang)}\n${cli('help-hint', lang)}\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError || err instanceof ShardError) {
      // a shard's validation failure is worded here, its first problem in the run's language
      const data = Object.fromEntries(Object.entries(err.data).map(([k, v]) => [k, v instanceof z.ZodError ? issueText(v.issues[0], lang) : v]));
      io.stderr(`jixiao: ${cli(err.id, lang, data)}\n`);
      return EXIT.usage;
    }
    io.stderr(`jixiao: ${cli('internal-error', lang, { detail: err instanceof Error ? err.stack ?? err.message : String(err) })}\n`);
    return EXIT.usage;
  }
}
