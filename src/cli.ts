// Command-line wiring: parses options, runs the pipeline, writes output, and alone decides the exit code.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { z } from 'zod';
import type { FileResult } from './pipeline.js';
import type { ReadProgress } from './readers/contract.js';
import { checkFiles, defaultJobs, FILES_PER_NEW_WORKER } from './batch.js';
import { expandPaths, type Input, type PathArg, type Skipped } from './files.js';
import { formatters, errorsOnly, emptySummary, tally, type FormatOptions, type Summary } from './report/index.js';
import { atomicFile, type Sink } from './report/output.js';
import { checks, defaultSeverities } from './checks/index.js';
import { Config, defaultConfig, configProblems } from './config.js';
import { messages, errnoText, type Lang } from './cli-messages.js';
import { takeShards, reduceShards, ShardError, type Shard } from './shards.js';
import { progressBars } from './progress.js';

/** Thrown for usage errors that commander cannot see (missing paths, bad config): exit 2. */
class UsageError extends Error {}

/** Output that could not be written (a full disk, a closed device): one sentence and exit 2, never a stack trace. */
class OutputError extends Error {}

const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** The configuration, and the file it came from (said once on stderr, and in json output). */
interface Loaded { config: Config; path?: string }

function loadConfig(file: string | undefined, io: CliIO, lang: Lang): Loaded {
  const path = file ?? (existsSync('jixiao.config.json') ? 'jixiao.config.json' : undefined);
  if (!path) return { config: defaultConfig };
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(path, 'utf8')); } catch (e) {
    throw new UsageError(`无法读取配置文件 ${path}：${e instanceof Error ? e.message : e}`);
  }
  // A misspelt key, rule name or severity would otherwise be ignored or reported without the words the user needs.
  const problems = configProblems(raw, checks.map((c) => c.id), lang);
  if (problems.length) throw new UsageError(`配置文件 ${path} 有误：${problems.join('；')}`);
  const parsed = Config.safeParse(raw);
  if (!parsed.success) throw new UsageError(`配置文件 ${path} 有误：${z.prettifyError(parsed.error)}`);
  io.stderr(messages.configLoaded[lang](resolve(path)));
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

/** The language of messages said before commander has parsed --lang (a failed write can come at any time). */
const langOf = (argv: string[]): Lang => (argv.some((a, i) => a === '--lang=en' || (a === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'zh');

let outputLang: Lang = 'zh';
const stdoutFailed = (e: NodeJS.ErrnoException) => new OutputError(messages.stdoutFailed[outputLang](errnoText(e.code, outputLang)));

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
}

/** The time limit per file with --ocr when --timeout is not given: OCR takes 5-15 s a page. */
const OCR_TIMEOUT_S = 600;

/** --timeout as given, or its default: 60 s, or OCR_TIMEOUT_S with --ocr. */
function timeoutOf(command: Command, opts: { timeout: number; ocr?: boolean }): number {
  return opts.ocr && command.getOptionValueSource('timeout') === 'default' ? OCR_TIMEOUT_S : opts.timeout;
}

/** The bars, on a terminal only. */
function barsFor(io: CliIO, files: number) {
  return progressBars(io.stderrIsTTY ? io.progressStream ?? process.stderr : undefined, files);
}

const OCR_HELP = '识别扫描版 PDF（只有图像、没有文字层的页）：离线 OCR（tesseract.js 中文模型），每页约 5–15 秒；识别出的数字可能有误，相关问题最多为警告';

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('应为非负整数 (a non-negative integer)');
  return n;
}

/**
 * A list of paths on standard input: one per line (as `find` prints them; blank lines skipped), or with -0 separated by
 * NUL (as `find -print0` prints them, so a name may hold a newline; only empty entries are skipped). A NUL in a list
 * read by lines is -print0 output met without -0: a usage error, not one bogus path.
 */
export function splitList(text: string, nul: boolean | undefined, lang: Lang): string[] {
  if (nul) return text.split('\0').filter((p) => p !== '');
  if (text.includes('\0')) throw new UsageError(messages.nulInList[lang]());
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}

/**
 * `-` stands for paths read from standard input (splitList). Those are `listed`: a missing one is that entry's finding,
 * not a usage error, since the list may be stale.
 */
async function resolveInputs(paths: string[], io: CliIO, nul: boolean | undefined, lang: Lang): Promise<PathArg[]> {
  if (!paths.includes('-')) return paths.map((path) => ({ path }));
  const lines = splitList(await (io.stdin ?? readStdin)(), nul, lang);
  return paths.flatMap((p) => (p === '-' ? lines.map((path) => ({ path, listed: true })) : [{ path: p }]));
}

/** What the run says on stderr about a file it left out of a checked folder. */
function skipNote(s: Skipped, lang: 'zh' | 'en'): string {
  if (s.why === 'loop') return messages.skippedLoop[lang](s.path, s.target ?? s.path);
  if (s.why === 'link-loop') return messages.skippedLinkLoop[lang](s.path, s.target ?? s.path);
  if (s.why === 'review-copy') return messages.skippedReviewCopy[lang](s.path);
  if (lang === 'en') {
    return `jixiao: skipped ${s.path}: ${s.why === 'output' ? "it is this run's own output (-o), about to be overwritten" : 'it is a summary workbook jixiao wrote'}, not a report.\n`;
  }
  return s.why === 'output'
    ? `jixiao: 跳过 ${s.path}：它是本次的输出文件（-o），将被覆盖，不作为报告检查。\n`
    : `jixiao: 跳过 ${s.path}：它是 jixiao 生成的汇总工作簿，不作为报告检查。\n`;
}

/** A workbook goes to a .xlsx file: `-o out.csv` would be an .xlsx under a name that lies, and stylish text in a .xlsx
 * would be no workbook at all. */
function checkOutputName(format: string, output: string | undefined): void {
  if (output === undefined) return;
  const isXlsx = /\.xlsx$/i.test(output);
  if (format === 'xlsx' && !isXlsx) {
    throw new UsageError(`工作簿只能写入 .xlsx 文件：${output}。请用 -o 汇总.xlsx；需要逐条的文字结果可用 check -f json 或 -f ndjson。`);
  }
  if (format !== 'xlsx' && isXlsx) {
    throw new UsageError(`${output} 是 .xlsx 文件名，但输出格式是 ${format}。要生成工作簿，请用 jixiao summary … -o ${output} 或 -f xlsx。`);
  }
}

/** What can be said of -o from its name and what is there now: said before standard input or any report is read. */
async function checkOutput(format: string, output: string | undefined, lang: Lang): Promise<void> {
  if (formatters[format]!.binary && !output) {
    throw new UsageError(`${format} 格式输出的是文件，请用 -o 指定输出文件，例如 -o 汇总.xlsx`);
  }
  checkOutputName(format, output);
  if (output !== undefined && (await stat(output).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(messages.outputIsFolder[lang](output, OUTPUT_EXAMPLE[format] ?? 'jixiao.txt'));
  }
}

/** A file name to suggest for -o, by format. */
const OUTPUT_EXAMPLE: Record<string, string> = { xlsx: '汇总.xlsx', json: 'jixiao.json', ndjson: 'jixiao.ndjson', junit: 'jixiao-junit.xml' };

/**
 * -o of check and summary, before any report is read (checkOutput has refused a folder there): missing folders above it
 * are created, and a place that cannot be written is said now rather than after the whole run. The file opened.
 */
async function openOutputFile(output: string, lang: Lang): Promise<Sink> {
  try {
    await mkdir(dirname(output), { recursive: true });
    return await atomicFile(output);
  } catch (e) {
    throw new UsageError(messages.outputUnusable[lang](output, errnoText(folderCode(e), lang)));
  }
}

/** mkdir -p through a file says EEXIST; what the user needs to hear is that a part of the path is not a folder. */
const folderCode = (e: unknown): string | undefined => {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EEXIST' ? 'ENOTDIR' : code;
};

/** The sink with its write failures (a full disk) turned into one sentence; the old file stays as it was. */
function guarded(sink: Sink, output: string, lang: Lang): Sink {
  const sentence = <A extends unknown[]>(f: (...a: A) => Promise<void>) => async (...a: A): Promise<void> => {
    try { await f(...a); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (typeof code !== 'string') throw e;
      throw new OutputError(messages.writeFailed[lang](output, errnoText(code, lang)));
    }
  };
  return { write: sentence(sink.write), commit: sentence(sink.commit), abort: sink.abort };
}

/** -o: once the file is in place, one line on stderr says so and what it holds. */
function writtenNote(output: string, s: Summary, lang: 'zh' | 'en'): string {
  if (lang === 'en') {
    const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    return `jixiao: wrote ${output}: ${n(s.files, 'file')}, ${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}${s.failed ? `, ${s.failed} unreadable` : ''}.\n`;
  }
  return `jixiao: 已写入 ${output}：${s.files} 个文件，${s.errors} 个错误，${s.warnings} 个警告${s.failed ? `，${s.failed} 个文件无法读取` : ''}。\n`;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n === 0) throw new InvalidArgumentError('应为正整数 (a positive integer)');
  return n;
}

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !(n > 0)) throw new InvalidArgumentError('应为正数，单位秒 (positive seconds)');
  return n;
}

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
  if (opts.records && !['ndjson', 'json'].includes(opts.format)) throw new UsageError('--records 只能与 -f ndjson 或 -f json 同用');
  await checkOutput(opts.format, opts.output, opts.lang);
  const loaded = loadConfig(opts.config, io, opts.lang);
  const config = { ...loaded.config, lang: opts.lang };
  const sink: Sink = opts.output
    ? guarded(await openOutputFile(opts.output, opts.lang), opts.output, opts.lang)
    : { write: async (chunk: string | Uint8Array) => { if (chunk.length) io.stdout(String(chunk)); }, commit: async () => {}, abort: async () => {} };
  let bar: ReturnType<typeof barsFor>;
  // Streaming formats keep nothing per file, so a run's memory does not grow with the number of files.
  const results: FileResult[] = [];
  // Every finding counts, listed or not (-q): the closing line, the workbook, --max-warnings and the exit code.
  const totals = emptySummary();
  try {
    const args = await resolveInputs(paths, io, opts.null, opts.lang);
    const { inputs, missing, skipped } = await expandPaths(args, opts.output);
    if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
    for (const s of skipped) io.stderr(skipNote(s, opts.lang));
    // Paths named on the command line that hold no report are a mistake (unless --allow-empty); an empty list on stdin
    // (`find` found nothing new this week) is an empty result, as ESLint and markdownlint-cli2 treat an empty file list.
    if (inputs.length === 0 && shards.length === 0 && !paths.includes('-') && !opts.allowEmpty) {
      throw new UsageError(messages.nothingToCheck[opts.lang]());
    }
    const color = !opts.output && !process.env.NO_COLOR
      && (Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') || Boolean(io.stdoutIsTTY));
    const formatOptions: FormatOptions = {
      lang: opts.lang, color, rules: enabledRules(config), quiet: Boolean(opts.quiet), records: opts.records, config: loaded.path ?? null,
    };
    bar = inputs.length > 1 || opts.ocr ? barsFor(io, inputs.length) : undefined;
    const emit = async (result: FileResult) => {
      const shown = opts.quiet ? errorsOnly(result) : result;
      tally(totals, shown);
      // results carry their records only when the formatter reads them (keepReports below)
      if (!formatter.streaming) results.push(shown);
      if (formatter.file) await sink.write(formatter.file(shown, formatOptions));
      bar?.fileDone(result.path);
    };
    const checked = checkFiles(inputs, config, {
      jobs: opts.jobs, timeoutMs: opts.timeout * 1000, keepReports: Boolean(formatter.needsReport || opts.records),
      ...(opts.ocr ? { ocr: true, onProgress: (path: string, p: ReadProgress) => bar?.ocr(path, p) } : {}),
    });
    for await (const result of shards.length ? reduceShards(shards, checked) : checked) await emit(result);
    bar?.stop();
    await sink.write(await formatter.end(results, formatOptions, totals));
    await sink.commit();
    if (opts.output) io.stderr(writtenNote(opts.output, totals, opts.lang));
  } catch (e) {
    bar?.stop();
    await sink.abort();
    throw e;
  }
  if (totals.errors > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && totals.warnings > opts.maxWarnings) {
    io.stderr(`jixiao: 警告 ${totals.warnings} 个，超过 --max-warnings ${opts.maxWarnings} 的上限。\n`);
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
  if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
  const folder = files.find((f) => statSync(f).isDirectory());
  if (folder !== undefined) throw new UsageError(messages.readFolder.zh(folder));
  const { readDocument } = await import('./readers/index.js');
  const { extractReport } = await import('./model/extract.js');
  const out = [];
  let code: number = EXIT.clean;
  const bar = ocr ? barsFor(io, files.length) : undefined;
  for (const f of files) {
    const { document, findings } = await readDocument(f, ocr ? { ocr, onProgress: (p) => bar?.ocr(f, p) } : {});
    bar?.fileDone(f);
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
async function usableFolder(folder: string, lang: Lang): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (e) {
    throw new UsageError(messages.outputUnusable[lang](folder, errnoText(folderCode(e), lang)));
  }
}

/**
 * Where annotate writes, decided before any report is read. An existing folder, or a name without a copy's extension,
 * is a folder (created when missing) mirroring the inputs' folders below their common folder, so two 单位A/报告.docx
 * never meet. A name with a copy's extension is the one copy of a single input. An existing file is never overwritten,
 * unless it is jixiao's copy of that same input.
 */
async function copyTarget(output: string, inputs: Input[], args: PathArg[], lang: Lang) {
  const { commonFolder, expectedCopyExtension } = await import('./annotate/index.js');
  const { reviewSourceOf } = await import('./annotate/marker.js');
  const there = await stat(output).catch(() => undefined);
  const single = inputs.length === 1 ? inputs[0]!.path : undefined;
  if (there && !there.isDirectory()) {
    if (single && extname(output).toLowerCase() === expectedCopyExtension(single) && await reviewSourceOf(output) === resolve(single)) return { file: output };
    throw new UsageError(messages.annotateOutputIsFile[lang](output));
  }
  if (!there && COPY_FILE.test(output)) {
    if (!single) throw new UsageError(messages.annotateOutputOneFile[lang](output, inputs.length));
    const want = expectedCopyExtension(single);
    if (extname(output).toLowerCase() !== want) throw new UsageError(messages.annotateOutputExtension[lang](output, want));
    await usableFolder(dirname(resolve(output)), lang);
    return { file: output };
  }
  await usableFolder(output, lang);
  // a folder given stands for itself, a file for its folder
  const folders = await Promise.all(args.map(async ({ path }) => (await stat(path).then((st) => st.isDirectory(), () => false) ? resolve(path) : dirname(resolve(path)))));
  return { folder: output, base: commonFolder(folders) };
}

/** annotate: checks like check, writes each report's review copy, lists `source → copy`; exit codes as check's. */
async function runAnnotate(paths: string[], opts: AnnotateOptions, io: CliIO): Promise<number> {
  const lang = opts.lang;
  const loaded = loadConfig(opts.config, io, lang);
  const config = { ...loaded.config, lang };
  const args = await resolveInputs(paths, io, opts.null, lang);
  const { inputs: found, missing, skipped } = await expandPaths(args);
  if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
  for (const s of skipped) io.stderr(skipNote(s, lang));
  const { annotateFiles, insideFolder } = await import('./annotate/index.js');
  // copies an earlier run left in the output folder are not reports, marked or not
  const inputs = found.filter((i) => !insideFolder(i.path, opts.output) || (io.stderr(`jixiao: 跳过 ${i.path}：它在输出文件夹（-o）中。\n`), false));
  if (inputs.length === 0 && !paths.includes('-') && !opts.allowEmpty) throw new UsageError(messages.nothingToCheck[lang]());
  const target = await copyTarget(opts.output, inputs, args, lang);
  const totals = emptySummary();
  let failedWrites = 0;
  const bar = inputs.length > 1 || opts.ocr ? barsFor(io, inputs.length) : undefined;
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
      if (copy) listing(() => io.stdout(messages.copyListed[lang](result.path, copy, Boolean(replaced))));
      else if (noCopy) {
        if (noCopy.kind === 'write') failedWrites++;
        const values = noCopy.kind === 'write' ? [errnoText(noCopy.values[0], lang)] : noCopy.values;
        note(messages.noCopy[lang](result.path, (messages.whyNoCopy[noCopy.kind][lang] as (...a: string[]) => string)(...values)));
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
function withRunOptions(command: Command, quietHelp: string): Command {
  return command
    .option('-c, --config <file>', '配置文件（默认读取当前目录的 jixiao.config.json）')
    .addOption(new Option('--lang <lang>', '消息语言').choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', quietHelp)
    .option('--max-warnings <n>', '警告数超过 n 时以退出码 1 结束', nonNegativeInteger)
    .option('-j, --jobs <n>', JOBS_HELP, positiveInteger, defaultJobs())
    .option('--timeout <seconds>', `单个文件的处理时限（秒），超时的文件报告 timeout 并继续（默认 60，加 --ocr 时 ${OCR_TIMEOUT_S}）`, positiveSeconds, 60)
    .option('--ocr', OCR_HELP)
    .option('-0, --null', '标准输入（-）上的路径以 NUL 分隔（find -print0 的输出；同 xargs -0）')
    .option('--allow-empty', '给出的路径里没有可检查的文件时，输出空结果并以退出码 0 结束（默认为用法错误，退出码 2）');
}

/** -j: the upper bound, and when the batch actually starts more than one worker (src/batch.ts decides). */
const JOBS_HELP = `同时处理的文件数上限（默认为 CPU 核数）。先只用一个工作线程；还有至少 ${FILES_PER_NEW_WORKER} 个文件等待时才加开第二个，`
  + `第三个需 ${FILES_PER_NEW_WORKER * 2} 个，依此类推：小批量时一个预热好的线程更快`;

/** What read and extract take (any file a folder walk picks up; a folder itself goes to check). */
const READ_FILES_HELP = '文件：.docx .pdf .xlsx，旧版 .doc .wps .xls .et，或 .ofd';

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = EXIT.clean;
  outputLang = langOf(argv);
  const program = new Command();
  program
    .name('jixiao')
    .description('绩效自评报告算术核查：读取 docx / pdf / xlsx，抽取章节、数字与指标表，核对执行率、占比、合计、得分与等级。')
    .version('0.1.0', '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('（使用 jixiao --help 查看用法）');

  program.command('read')
    .description('读取文件，输出文档模型（段落与表格，带位置）的 JSON 数组，每个文件一个对象')
    .argument('<files...>', READ_FILES_HELP)
    .option('--ocr', OCR_HELP)
    .action(async (files: string[], opts: { ocr?: boolean }) => {
      exitCode = await readEach(files, false, io, Boolean(opts.ocr));
    });

  program.command('extract')
    .description('抽取结构化记录（章节、数字、关系、指标、评分项、预算）并输出 JSON 数组，每个文件一个对象')
    .argument('<files...>', READ_FILES_HELP)
    .option('--ocr', OCR_HELP)
    .action(async (files: string[], opts: { ocr?: boolean }) => {
      exitCode = await readEach(files, true, io, Boolean(opts.ocr));
    });

  const check = program.command('check')
    .description('核查算术：执行率、占比、合计、增长率、列举个数、得分、等级、权重（文件或文件夹，递归；- 表示从标准输入逐行读取路径）')
    .argument('<paths...>', '文件或文件夹；- 从标准输入读取路径，每行一个（加 -0 则以 NUL 分隔）')
    .addOption(new Option('-f, --format <name>', '输出格式：stylish 终端 | json | ndjson 每文件一行 | junit | github | xlsx（需 -o）')
      .choices(Object.keys(formatters)).default('stylish'))
    .option('-o, --output <file>', '写入文件而非标准输出（原子写入）')
    .option('--records', '每个文件的行附上抽取的记录（-f ndjson），供 summary 汇总分片');
  withRunOptions(check, '只显示错误')
    .action(async (paths: string[], opts: OutputOptions, command: Command) => {
      exitCode = await runCheck(paths, { ...opts, timeout: timeoutOf(command, opts) }, io);
    });

  const summary = program.command('summary')
    .description('把核查结果汇总成 Excel 工作簿：汇总、问题清单、指标、评分（需 -o）')
    .argument('<paths...>', '文件或文件夹；.ndjson 分片（check -f ndjson --records 的输出）；- 从标准输入读取路径或分片行')
    .option('-o, --output <file>', '输出的 .xlsx 文件');
  withRunOptions(summary, '问题清单只列错误')
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'>, command: Command) => {
      await checkOutput('xlsx', opts.output, opts.lang);
      const { paths: reports, shards } = await takeShards(paths, io.stdin ?? readStdin, (text) => splitList(text, opts.null, opts.lang));
      exitCode = await runCheck(reports, { ...opts, format: 'xlsx', timeout: timeoutOf(command, opts) }, io, shards);
    });

  const annotate = program.command('annotate')
    .description('写审阅副本：每份有错误或警告的报告复制为 <名称>.审阅.<扩展名>，问题以批注、单元格备注或 PDF 高亮标在原处（原文件不动）')
    .argument('<paths...>', '文件或文件夹；- 从标准输入读取路径，每行一个（加 -0 则以 NUL 分隔）')
    .requiredOption('-o, --output <dir>', '审阅副本写入的文件夹（按输入的文件夹结构分子文件夹）；只有一个输入文件时也可以是新文件名，如 -o 审阅.docx')
    .option('--all', '没有错误或警告的文件也写副本（提示以浅蓝标出）');
  withRunOptions(annotate, '只标注错误')
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'> & { output: string; all?: boolean }, command: Command) => {
      exitCode = await runAnnotate(paths, { ...opts, timeout: timeoutOf(command, opts) }, io);
    });

  program.command('rules')
    .description('列出全部检查规则')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }) => {
      if (opts.json) { io.stdout(json(checks.map((c) => ({ ...c, severities: defaultSeverities(c) })))); return; }
      // one line a rule: its id, the severities its findings take by default (as check reports them), what it checks
      const lines = checks.map((c) => [c.id, defaultSeverities(c).join('/'), c.description.zh] as const);
      const width = (i: 0 | 1) => Math.max(...lines.map((l) => l[i].length)) + 2;
      for (const [id, severities, description] of lines) io.stdout(`${id.padEnd(width(0))}${severities.padEnd(width(1))}${description}\n`);
    });

  program.command('schema')
    .description('输出 JSON Schema（extract 的报告记录，或 read 的文档模型）')
    .addOption(new Option('--of <what>', '哪一个模型').choices(['report', 'document']).default('report'))
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
      return err.exitCode === 0 ? EXIT.clean : EXIT.usage;
    }
    if (err instanceof UsageError || err instanceof ShardError || err instanceof OutputError) {
      io.stderr(`jixiao: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`jixiao: 内部错误：${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return EXIT.usage;
  }
}
