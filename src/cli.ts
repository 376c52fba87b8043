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
import { checks, ruleOptionProblems } from './checks/index.js';
import { Config, defaultConfig, ruleSettingProblems } from './config.js';
import { takeShards, reduceShards, ShardError, type Shard } from './shards.js';
import { progressBars } from './progress.js';
import { cli, type CliPhrase } from './catalog/cli.js';
import { ui } from './catalog/ui.js';
import { issueText, issuesText } from './catalog/zod.js';
import type { Lang } from './catalog/define.js';
import { settleDiagnostics } from './severity.js';
import { rendered } from './report/common.js';

/** Thrown for usage errors that commander cannot see (missing paths, bad config): exit 2. Worded from the catalog. */
class UsageError extends Error {
  constructor(readonly id: CliPhrase, readonly data: Record<string, unknown> = {}) {
    super(id);
    this.name = 'UsageError';
  }
}

const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** Where JSON.parse stopped, as line and column: V8 says "at position N"; the words around it are its own English. */
function jsonPosition(text: string, err: unknown): { line: number; column: number } | undefined {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!m) return undefined;
  const before = text.slice(0, Number(m[1])).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function loadConfig(file: string | undefined, lang: Lang): Config {
  const path = file ?? (existsSync('jixiao.config.json') ? 'jixiao.config.json' : undefined);
  if (!path) return defaultConfig;
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) {
    throw new UsageError('config-unreadable', { path, code: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  }
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (e) {
    const at = jsonPosition(text, e);
    throw new UsageError(at ? 'config-json' : 'config-json-anywhere', { path, ...at });
  }
  // A misspelt rule name or severity would otherwise be ignored or reported without the words the user needs.
  const problems = ruleSettingProblems(raw, checks.map((c) => c.id));
  if (problems.length) {
    throw new UsageError('config-invalid', { path, problems: problems.map((p) => cli(p.id, lang, p.data)).join(cli('problem-separator', lang)) });
  }
  const parsed = Config.safeParse(raw);
  if (!parsed.success) throw new UsageError('config-invalid', { path, problems: issuesText(parsed.error, lang) });
  // each rule's options (grade: bands, weight-total: totals) by the rule's own schema, where they stand in the file
  const options = ruleOptionProblems(parsed.data).flatMap(({ rule, error }) => error.issues.map((i) => ({ ...i, path: ['rules', rule, ...i.path] })));
  if (options.length) throw new UsageError('config-invalid', { path, problems: options.map((i) => issueText(i, lang)).join(cli('problem-separator', lang)) });
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
 * `-` stands for paths read from standard input, one per line (as `find` prints them); blank lines are skipped.
 * Those are `listed`: a missing one is that entry's finding, not a usage error, since the list may be stale.
 */
async function resolveInputs(paths: string[], io: CliIO): Promise<PathArg[]> {
  if (!paths.includes('-')) return paths.map((path) => ({ path }));
  const lines = (await (io.stdin ?? readStdin)()).split(/\r?\n/).filter((l) => l.trim() !== '');
  return paths.flatMap((p) => (p === '-' ? lines.map((path) => ({ path, listed: true })) : [{ path: p }]));
}

/** What the run says on stderr about a file it left out of a checked folder. */
function skipNote(s: Skipped, lang: Lang): string {
  return `jixiao: ${cli(s.why === 'output' ? 'skip-output' : 'skip-own-workbook', lang, { path: s.path })}\n`;
}

/** A workbook goes to a .xlsx file: `-o out.csv` would be an .xlsx under a name that lies, and stylish text in a .xlsx
 * would be no workbook at all. */
function checkOutputName(format: string, output: string | undefined): void {
  if (output === undefined) return;
  const isXlsx = /\.xlsx$/i.test(output);
  if (format === 'xlsx' && !isXlsx) throw new UsageError('workbook-name', { output });
  if (format !== 'xlsx' && isXlsx) throw new UsageError('not-workbook-name', { output, format });
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
  if (formatter.binary && !opts.output) throw new UsageError('needs-output', { format: opts.format });
  checkOutputName(opts.format, opts.output);
  const config = { ...loadConfig(opts.config, opts.lang), lang: opts.lang };
  const args = await resolveInputs(paths, io);
  const { inputs, missing, skipped } = await expandPaths(args, opts.output);
  if (missing.length) throw new UsageError('path-missing', { paths: missing });
  for (const s of skipped) io.stderr(skipNote(s, opts.lang));
  // Paths named on the command line that hold no report are a mistake; an empty list on stdin (`find` found
  // nothing new this week) is an empty result, as ESLint and markdownlint-cli2 treat an empty file list.
  if (inputs.length === 0 && shards.length === 0 && !paths.includes('-')) {
    throw new UsageError('no-inputs');
  }
  const color = !opts.output && !process.env.NO_COLOR
    && (Boolean(process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') || Boolean(io.stdoutIsTTY));
  const formatOptions: FormatOptions = { lang: opts.lang, color, rules: enabledRules(config), quiet: Boolean(opts.quiet), records: opts.records };
  const sink = opts.output
    ? await atomicFile(opts.output).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError('cannot-write-output', { output: opts.output, code: e.code ?? 'EIO' });
    })
    : { write: async (chunk: string | Uint8Array) => { if (chunk.length) io.stdout(String(chunk)); }, commit: async () => {}, abort: async () => {} };
  const bar = inputs.length > 1 || opts.ocr ? barsFor(io, inputs.length, opts.lang) : undefined;

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

/** The options check and summary share: configuration, language, filtering, exit thresholds, the worker pool. */
function withRunOptions(command: Command, quietHelp: CliPhrase, lang: Lang): Command {
  return command
    .option('-c, --config <file>', cli('config-option', lang))
    .addOption(new Option('--lang <lang>', cli('lang-option', lang)).choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', cli(quietHelp, lang))
    .option('--max-warnings <n>', cli('max-warnings-option', lang), nonNegativeInteger(lang))
    .option('-j, --jobs <n>', cli('jobs-option', lang), positiveInteger(lang), defaultJobs())
    .option('--timeout <seconds>', cli('timeout-option', lang, { ocr: OCR_TIMEOUT_S }), positiveSeconds(lang), 60)
    .option('--ocr', cli('ocr-option', lang));
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

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let exitCode: number = EXIT.clean;
  const lang = langOf(argv);
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
    .option('--records', cli('records-option', lang));
  withRunOptions(check, 'quiet-check', lang)
    .action(async (paths: string[], opts: OutputOptions, command: Command) => {
      exitCode = await runCheck(paths, { ...opts, timeout: timeoutOf(command, opts) }, io);
    });

  const summary = program.command('summary')
    .description(cli('summary-description', lang))
    .argument('<paths...>', cli('summary-paths-argument', lang))
    .option('-o, --output <file>', cli('summary-output-option', lang));
  withRunOptions(summary, 'quiet-summary', lang)
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'>, command: Command) => {
      const { paths: reports, shards } = await takeShards(paths, io.stdin ?? readStdin);
      exitCode = await runCheck(reports, { ...opts, format: 'xlsx', timeout: timeoutOf(command, opts) }, io, shards);
    });

  const annotate = program.command('annotate')
    .description(cli('annotate-description', lang))
    .argument('<paths...>', cli('paths-argument', lang))
    .requiredOption('-o, --output <dir>', cli('annotate-output-option', lang))
    .option('--all', cli('all-option', lang));
  withRunOptions(annotate, 'quiet-annotate', lang)
    .action(async (paths: string[], opts: Omit<OutputOptions, 'format'> & { output: string; all?: boolean }, command: Command) => {
      const config = { ...loadConfig(opts.config, opts.lang), lang: opts.lang };
      const { inputs: found, missing } = await expandPaths(await resolveInputs(paths, io));
      if (missing.length) throw new UsageError('path-missing', { paths: missing });
      const { annotateFiles, insideFolder } = await import('./annotate/index.js');
      // review copies written by an earlier run into a checked folder are not reports
      const inputs = found.filter((i) => !insideFolder(i.path, opts.output) || (io.stderr(`jixiao: ${cli('skip-in-output-folder', opts.lang, { path: i.path })}\n`), false));
      if (inputs.length === 0) throw new UsageError('no-inputs');
      let errors = 0, warnings = 0, failedCopies = 0;
      // with --ocr, the OCR page bar (and the file bar) on a terminal, as for check
      const bar = opts.ocr ? barsFor(io, inputs.length, opts.lang) : undefined;
      const ocr = opts.ocr ? { ocr: true, onProgress: (path: string, p: ReadProgress) => bar?.ocr(path, p) } : {};
      try {
        for await (const { result, copy, skipped } of annotateFiles(inputs, config, { outDir: opts.output, all: opts.all, lang: opts.lang, jobs: opts.jobs, timeoutMs: timeoutOf(command, opts) * 1000, onlyErrors: opts.quiet, ...ocr })) {
          bar?.fileDone(result.path);
          for (const f of result.findings) { if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; }
          if (copy) io.stdout(`${copy}\t${result.findings.length}\n`);
          else if (skipped && result.findings.length) {
            io.stderr(`jixiao: ${cli('not-annotated', opts.lang, { path: result.path, why: ui(skipped.why, opts.lang, skipped.data) })}\n`);
            if (result.status === 'ok') failedCopies++;
          }
        }
      } finally {
        bar?.stop();
      }
      exitCode = failedCopies ? EXIT.usage : errors > 0 || (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) ? EXIT.findings : EXIT.clean;
    });

  program.command('rules')
    .description(cli('rules-description', lang))
    .option('--json', cli('json-option', lang))
    .addOption(new Option('--lang <lang>', cli('lang-option', lang)).choices(['zh', 'en']).default('zh'))
    .action((opts: { json?: boolean; lang: Lang }) => {
      if (opts.json) { io.stdout(json(checks)); return; }
      for (const c of checks) {
        io.stdout(`${c.id.padEnd(16)} ${c.severity.padEnd(8)} ${c.description[opts.lang]}\n`);
        for (const [id, text] of Object.entries(c.messages)) io.stdout(`  ${id}: ${text[opts.lang]}\n`);
      }
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
