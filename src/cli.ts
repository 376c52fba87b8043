// Command-line wiring: parses options, runs the pipeline, writes output, and alone decides the exit code.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync, existsSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { z } from 'zod';
import type { FileResult } from './pipeline.js';
import { checkFiles, defaultJobs } from './batch.js';
import { expandPaths } from './files.js';
import { formatters, errorsOnly, emptySummary, tally, type FormatOptions } from './report/index.js';
import { atomicFile } from './report/output.js';
import { checks } from './checks/index.js';
import { Config, defaultConfig } from './config.js';

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
}

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('应为非负整数 (a non-negative integer)');
  return n;
}

/** `-` stands for paths read from standard input, one per line (as `find` prints them); blank lines are skipped. */
async function resolveInputs(paths: string[], io: CliIO): Promise<string[]> {
  if (!paths.includes('-')) return paths;
  const lines = (await (io.stdin ?? readStdin)()).split(/\r?\n/).filter((l) => l.trim() !== '');
  return paths.flatMap((p) => (p === '-' ? lines : [p]));
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

/** check and summary: run every file, write the chosen format as results arrive, return the exit code. */
async function runCheck(paths: string[], opts: OutputOptions, io: CliIO): Promise<number> {
  const formatter = formatters[opts.format];
  if (formatter.binary && !opts.output) {
    throw new UsageError(`${opts.format} 格式输出的是文件，请用 -o 指定输出文件，例如 -o 汇总.xlsx`);
  }
  const config = { ...loadConfig(opts.config), lang: opts.lang };
  const { inputs, missing, skipped } = await expandPaths(await resolveInputs(paths, io), opts.output);
  if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
  for (const p of skipped) io.stderr(`jixiao: 跳过 ${p}：它是本次的输出文件（-o），将被覆盖，不作为报告检查。\n`);
  if (inputs.length === 0) {
    throw new UsageError('没有找到可检查的文件（.docx .pdf .xlsx .doc .xls .wps .et）。请确认路径。');
  }
  const color = !opts.output && !process.env.NO_COLOR
    && (Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') || Boolean(io.stdoutIsTTY));
  const formatOptions: FormatOptions = { lang: opts.lang, color, rules: enabledRules(config) };
  const sink = opts.output
    ? await atomicFile(opts.output).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`无法写入输出文件 ${opts.output}：${e.code ?? e.message}`);
    })
    : { write: async (chunk: string | Uint8Array) => { if (chunk.length) io.stdout(String(chunk)); }, commit: async () => {}, abort: async () => {} };
  const total = inputs.length;
  const bar = io.stderrIsTTY && total > 1
    ? new SingleBar({ stream: process.stderr, format: '{bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true })
    : undefined;
  bar?.start(total, 0, { file: '' });

  // Streaming formats keep nothing per file, so a run's memory does not grow with the number of files.
  const results: FileResult[] = [];
  const shownSummary = emptySummary();
  let errors = 0, warnings = 0;
  const emit = async (result: FileResult) => {
    for (const f of result.findings) { if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; }
    const shown = opts.quiet ? errorsOnly(result) : result;
    tally(shownSummary, shown);
    // results carry their records only when the formatter reads them (keepReports below)
    if (!formatter.streaming) results.push(shown);
    if (formatter.file) await sink.write(formatter.file(shown, formatOptions));
    bar?.increment(1, { file: result.path });
  };
  try {
    for await (const result of checkFiles(inputs, config, { jobs: opts.jobs, timeoutMs: opts.timeout * 1000, keepReports: Boolean(formatter.needsReport) })) await emit(result);
    bar?.stop();
    await sink.write(await formatter.end(results, formatOptions, shownSummary));
    await sink.commit();
  } catch (e) {
    bar?.stop();
    await sink.abort();
    throw e;
  }
  if (errors > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.stderr(`jixiao: 警告 ${warnings} 个，超过 --max-warnings ${opts.maxWarnings} 的上限。\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

/** The options check and summary share: configuration, language, filtering, exit thresholds, the worker pool. */
function withRunOptions(command: Command, quietHelp: string): Command {
  return command
    .option('-c, --config <file>', '配置文件（默认读取当前目录的 jixiao.config.json）')
    .addOption(new Option('--lang <lang>', '消息语言').choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', quietHelp)
    .option('--max-warnings <n>', '警告数超过 n 时以退出码 1 结束', nonNegativeInteger)
    .option('-j, --jobs <n>', '并行处理的文件数（默认为 CPU 核数）', positiveInteger, defaultJobs())
    .option('--timeout <seconds>', '单个文件的处理时限（秒），超时的文件报告 timeout 并继续', positiveSeconds, 60);
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
    .description('读取文件，输出文档模型（段落与表格，带位置）的 JSON')
    .argument('<files...>', 'docx / pdf / xlsx 文件')
    .action(async (files: string[]) => {
      const { readDocument } = await import('./readers/index.js');
      const out = [];
      for (const f of files) {
        const { document, findings } = await readDocument(f);
        if (findings.some((x) => x.severity === 'error')) exitCode = EXIT.findings;
        out.push(findings.length ? { ...document, findings } : document);
      }
      io.stdout(json(out.length === 1 ? out[0] : out));
    });

  program.command('extract')
    .description('抽取结构化记录（章节、数字、关系、指标、评分项、预算）并输出 JSON')
    .argument('<files...>', 'docx / pdf / xlsx 文件')
    .action(async (files: string[]) => {
      const { readDocument } = await import('./readers/index.js');
      const { extractReport } = await import('./model/extract.js');
      const out = [];
      for (const f of files) {
        const { document, findings } = await readDocument(f);
        if (findings.some((x) => x.severity === 'error')) exitCode = EXIT.findings;
        const report = extractReport(document);
        out.push(findings.length ? { ...report, findings } : report);
      }
      io.stdout(json(out.length === 1 ? out[0] : out));
    });

  const check = program.command('check')
    .description('核查算术：执行率、占比、合计、增长率、列举个数、得分、等级、权重（文件或文件夹，递归；- 表示从标准输入逐行读取路径）')
    .argument('<paths...>', '文件或文件夹；- 从标准输入读取路径，每行一个')
    .addOption(new Option('-f, --format <name>', '输出格式：stylish 终端 | json | ndjson 每文件一行 | junit | github | xlsx（需 -o）')
      .choices(Object.keys(formatters)).default('stylish'))
    .option('-o, --output <file>', '写入文件而非标准输出（原子写入）');
  withRunOptions(check, '只显示错误')
    .action(async (paths: string[], opts: OutputOptions) => {
      exitCode = await runCheck(paths, opts, io);
    });

  const summary = program.command('summary')
    .description('把核查结果汇总成 Excel 工作簿：汇总、问题清单、指标、评分（需 -o）')
    .argument('<paths...>', '文件或文件夹；- 从标准输入读取路径，每行一个')
    .option('-o, --output <file>', '输出的 .xlsx 文件');
  withRunOptions(summary, '问题清单只列错误')
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'>) => {
      exitCode = await runCheck(paths, { ...opts, format: 'xlsx' }, io);
    });

  const annotate = program.command('annotate')
    .description('写审阅副本：每份报告复制为 <名称>.审阅.<扩展名>，问题以批注、单元格备注或 PDF 高亮标在原处（原文件不动）')
    .argument('<paths...>', '文件或文件夹；- 从标准输入读取路径，每行一个')
    .requiredOption('-o, --output <dir>', '审阅副本写入的文件夹')
    .option('--all', '没有问题的文件也写副本');
  withRunOptions(annotate, '只标注错误')
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'> & { output: string; all?: boolean }) => {
      const config = { ...loadConfig(opts.config), lang: opts.lang };
      const { inputs: found, missing } = await expandPaths(await resolveInputs(paths, io));
      if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
      const { annotateFiles, insideFolder } = await import('./annotate/index.js');
      // review copies written by an earlier run into a checked folder are not reports
      const inputs = found.filter((i) => !insideFolder(i.path, opts.output) || (io.stderr(`jixiao: 跳过 ${i.path}：它在输出文件夹（-o）中。\n`), false));
      if (inputs.length === 0) throw new UsageError('没有找到可检查的文件（.docx .pdf .xlsx .doc .xls .wps .et）。请确认路径。');
      let errors = 0, warnings = 0, failedCopies = 0;
      for await (const { result, copy, skipped } of annotateFiles(inputs, config, { outDir: opts.output, all: opts.all, lang: opts.lang, jobs: opts.jobs, timeoutMs: opts.timeout * 1000, onlyErrors: opts.quiet })) {
        for (const f of result.findings) { if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; }
        if (copy) io.stdout(`${copy}\t${result.findings.length}\n`);
        else if (skipped && result.findings.length) { io.stderr(`jixiao: ${result.path}：未写审阅副本（${skipped.zh}）\n`); if (result.status === 'ok') failedCopies++; }
      }
      exitCode = failedCopies ? EXIT.usage : errors > 0 || (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) ? EXIT.findings : EXIT.clean;
    });

  program.command('rules')
    .description('列出全部检查规则')
    .option('--json', '以 JSON 输出')
    .action((opts: { json?: boolean }) => {
      if (opts.json) { io.stdout(json(checks)); return; }
      for (const c of checks) io.stdout(`${c.id.padEnd(16)} ${c.severity.padEnd(8)} ${c.description.zh}\n`);
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
    if (err instanceof UsageError) {
      io.stderr(`jixiao: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`jixiao: 内部错误：${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return EXIT.usage;
  }
}
