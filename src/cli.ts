// Command-line wiring: parses options, runs the pipeline, writes output, and alone decides the exit code.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import type { FileResult } from './pipeline.js';
import type { ReadProgress } from './readers/contract.js';
import { checkFiles, defaultJobs } from './batch.js';
import { expandPaths, type PathArg, type Skipped } from './files.js';
import { formatters, errorsOnly, emptySummary, tally, type FormatOptions, type Summary } from './report/index.js';
import { atomicFile } from './report/output.js';
import { checks } from './checks/index.js';
import { Config, defaultConfig, ruleSettingProblems } from './config.js';
import { takeShards, reduceShards, ShardError, type Shard } from './shards.js';
import { progressBars } from './progress.js';

/** Thrown for usage errors that commander cannot see (missing paths, bad config): exit 2. */
class UsageError extends Error {}

const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

function loadConfig(file: string | undefined): Config {
  const path = file ?? (existsSync('jixiao.config.json') ? 'jixiao.config.json' : undefined);
  if (!path) return defaultConfig;
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(path, 'utf8')); } catch (e) {
    throw new UsageError(`无法读取配置文件 ${path}：${e instanceof Error ? e.message : e}`);
  }
  // A misspelt rule name or severity would otherwise be ignored or reported without the words the user needs.
  const problems = ruleSettingProblems(raw, checks.map((c) => c.id));
  if (problems.length) throw new UsageError(`配置文件 ${path} 有误：${problems.join('；')}`);
  const parsed = Config.safeParse(raw);
  if (!parsed.success) throw new UsageError(`配置文件 ${path} 有误：${z.prettifyError(parsed.error)}`);
  return parsed.data;
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
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const processIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: readStdin,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  // CI logs are not terminals even when they claim to be: no progress bar there.
  stderrIsTTY: Boolean(process.stderr.isTTY) && !process.env.CI,
};

interface OutputOptions {
  format: string;
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
 * `-` stands for paths read from standard input, one per line (as `find` prints them); blank lines are skipped.
 * Those are `listed`: a missing one is that entry's finding, not a usage error, since the list may be stale.
 */
async function resolveInputs(paths: string[], io: CliIO): Promise<PathArg[]> {
  if (!paths.includes('-')) return paths.map((path) => ({ path }));
  const lines = (await (io.stdin ?? readStdin)()).split(/\r?\n/).filter((l) => l.trim() !== '');
  return paths.flatMap((p) => (p === '-' ? lines.map((path) => ({ path, listed: true })) : [{ path: p }]));
}

/** What the run says on stderr about a file it left out of a checked folder. */
function skipNote(s: Skipped, lang: 'zh' | 'en'): string {
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
  if (formatter.binary && !opts.output) {
    throw new UsageError(`${opts.format} 格式输出的是文件，请用 -o 指定输出文件，例如 -o 汇总.xlsx`);
  }
  checkOutputName(opts.format, opts.output);
  const config = { ...loadConfig(opts.config), lang: opts.lang };
  const args = await resolveInputs(paths, io);
  const { inputs, missing, skipped } = await expandPaths(args, opts.output);
  if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
  for (const s of skipped) io.stderr(skipNote(s, opts.lang));
  // Paths named on the command line that hold no report are a mistake; an empty list on stdin (`find` found
  // nothing new this week) is an empty result, as ESLint and markdownlint-cli2 treat an empty file list.
  if (inputs.length === 0 && shards.length === 0 && !paths.includes('-')) {
    throw new UsageError('没有找到可检查的文件（.docx .pdf .xlsx .doc .xls .wps .et .ofd）。请确认路径。');
  }
  const color = !opts.output && !process.env.NO_COLOR
    && (Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') || Boolean(io.stdoutIsTTY));
  const formatOptions: FormatOptions = { lang: opts.lang, color, rules: enabledRules(config), quiet: Boolean(opts.quiet), records: opts.records };
  const sink = opts.output
    ? await atomicFile(opts.output).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`无法写入输出文件 ${opts.output}：${e.code ?? e.message}`);
    })
    : { write: async (chunk: string | Uint8Array) => { if (chunk.length) io.stdout(String(chunk)); }, commit: async () => {}, abort: async () => {} };
  const bar = inputs.length > 1 || opts.ocr ? barsFor(io, inputs.length) : undefined;

  // Streaming formats keep nothing per file, so a run's memory does not grow with the number of files.
  const results: FileResult[] = [];
  // Every finding counts, listed or not (-q): the closing line, the workbook, --max-warnings and the exit code.
  const totals = emptySummary();
  const emit = async (result: FileResult) => {
    const shown = opts.quiet ? errorsOnly(result) : result;
    tally(totals, shown);
    // results carry their records only when the formatter reads them (keepReports below)
    if (!formatter.streaming) results.push(shown);
    if (formatter.file) await sink.write(formatter.file(shown, formatOptions));
    bar?.fileDone(result.path);
  };
  try {
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

/** The options check and summary share: configuration, language, filtering, exit thresholds, the worker pool. */
function withRunOptions(command: Command, quietHelp: string): Command {
  return command
    .option('-c, --config <file>', '配置文件（默认读取当前目录的 jixiao.config.json）')
    .addOption(new Option('--lang <lang>', '消息语言').choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', quietHelp)
    .option('--max-warnings <n>', '警告数超过 n 时以退出码 1 结束', nonNegativeInteger)
    .option('-j, --jobs <n>', '并行处理的文件数（默认为 CPU 核数）', positiveInteger, defaultJobs())
    .option('--timeout <seconds>', `单个文件的处理时限（秒），超时的文件报告 timeout 并继续（默认 60，加 --ocr 时 ${OCR_TIMEOUT_S}）`, positiveSeconds, 60)
    .option('--ocr', OCR_HELP);
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let exitCode: number = EXIT.clean;
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
    .argument('<files...>', 'docx / pdf / xlsx 文件')
    .option('--ocr', OCR_HELP)
    .action(async (files: string[], opts: { ocr?: boolean }) => {
      exitCode = await readEach(files, false, io, Boolean(opts.ocr));
    });

  program.command('extract')
    .description('抽取结构化记录（章节、数字、关系、指标、评分项、预算）并输出 JSON 数组，每个文件一个对象')
    .argument('<files...>', 'docx / pdf / xlsx 文件')
    .option('--ocr', OCR_HELP)
    .action(async (files: string[], opts: { ocr?: boolean }) => {
      exitCode = await readEach(files, true, io, Boolean(opts.ocr));
    });

  const check = program.command('check')
    .description('核查算术：执行率、占比、合计、增长率、列举个数、得分、等级、权重（文件或文件夹，递归；- 表示从标准输入逐行读取路径）')
    .argument('<paths...>', '文件或文件夹；- 从标准输入读取路径，每行一个')
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
      const { paths: reports, shards } = await takeShards(paths, io.stdin ?? readStdin);
      exitCode = await runCheck(reports, { ...opts, format: 'xlsx', timeout: timeoutOf(command, opts) }, io, shards);
    });

  const annotate = program.command('annotate')
    .description('写审阅副本：每份报告复制为 <名称>.审阅.<扩展名>，问题以批注、单元格备注或 PDF 高亮标在原处（原文件不动）')
    .argument('<paths...>', '文件或文件夹；- 从标准输入读取路径，每行一个')
    .requiredOption('-o, --output <dir>', '审阅副本写入的文件夹')
    .option('--all', '没有问题的文件也写副本');
  withRunOptions(annotate, '只标注错误')
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'> & { output: string; all?: boolean }, command: Command) => {
      const config = { ...loadConfig(opts.config), lang: opts.lang };
      const { inputs: found, missing } = await expandPaths(await resolveInputs(paths, io));
      if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
      const { annotateFiles, insideFolder } = await import('./annotate/index.js');
      // review copies written by an earlier run into a checked folder are not reports
      const inputs = found.filter((i) => !insideFolder(i.path, opts.output) || (io.stderr(`jixiao: 跳过 ${i.path}：它在输出文件夹（-o）中。\n`), false));
      if (inputs.length === 0) throw new UsageError('没有找到可检查的文件（.docx .pdf .xlsx .doc .xls .wps .et）。请确认路径。');
      let errors = 0, warnings = 0, failedCopies = 0;
      // with --ocr, the OCR page bar (and the file bar) on a terminal, as for check
      const bar = opts.ocr ? barsFor(io, inputs.length) : undefined;
      const ocr = opts.ocr ? { ocr: true, onProgress: (path: string, p: ReadProgress) => bar?.ocr(path, p) } : {};
      try {
        for await (const { result, copy, skipped } of annotateFiles(inputs, config, { outDir: opts.output, all: opts.all, lang: opts.lang, jobs: opts.jobs, timeoutMs: timeoutOf(command, opts) * 1000, onlyErrors: opts.quiet, ...ocr })) {
          bar?.fileDone(result.path);
          for (const f of result.findings) { if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; }
          if (copy) io.stdout(`${copy}\t${result.findings.length}\n`);
          else if (skipped && result.findings.length) { io.stderr(`jixiao: ${result.path}：未写审阅副本（${skipped.zh}）\n`); if (result.status === 'ok') failedCopies++; }
        }
      } finally {
        bar?.stop();
      }
      exitCode = failedCopies ? EXIT.usage : errors > 0 || (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) ? EXIT.findings : EXIT.clean;
    });

  program.command('rules')
    .description('列出全部检查规则')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }) => {
      if (opts.json) { io.stdout(json(checks)); return; }
      for (const c of checks) {
        io.stdout(`${c.id.padEnd(16)} ${c.severity.padEnd(8)} ${c.description.zh}\n`);
        for (const [id, text] of Object.entries(c.messages)) io.stdout(`  ${id}: ${text.zh}\n`);
      }
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
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.clean : EXIT.usage;
    }
    if (err instanceof UsageError || err instanceof ShardError) {
      io.stderr(`jixiao: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`jixiao: 内部错误：${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return EXIT.usage;
  }
}
