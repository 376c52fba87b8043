// Command-line wiring: parses options, runs the pipeline, writes output, and alone decides the exit code.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { readDocument } from './readers/index.js';
import { extractReport } from './model/extract.js';
import { Report } from './model/schema.js';
import { SourceDocument } from './document.js';
import { checkFile, type FileResult } from './pipeline.js';
import { expandPaths } from './files.js';
import { formatters } from './report/index.js';
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

export async function main(argv: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}): Promise<number> {
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
      const out = [];
      for (const f of files) {
        const { document, findings } = await readDocument(f);
        if (findings.some((x) => x.severity === 'error')) exitCode = EXIT.findings;
        const report = extractReport(document);
        out.push(findings.length ? { ...report, findings } : report);
      }
      io.stdout(json(out.length === 1 ? out[0] : out));
    });

  program.command('check')
    .description('核查算术：执行率、占比、合计、增长率、列举个数、得分、等级、权重（文件或文件夹，递归）')
    .argument('<paths...>', '文件或文件夹')
    .addOption(new Option('-f, --format <name>', '输出格式').choices(Object.keys(formatters)).default('stylish'))
    .option('-c, --config <file>', '配置文件（默认读取当前目录的 jixiao.config.json）')
    .addOption(new Option('--lang <lang>', '消息语言').choices(['zh', 'en']).default('zh'))
    .option('-q, --quiet', '只显示错误')
    .action(async (paths: string[], opts: { format: string; config?: string; lang: 'zh' | 'en'; quiet?: boolean }) => {
      const config = { ...loadConfig(opts.config), lang: opts.lang };
      const { files, missing } = await expandPaths(paths);
      if (missing.length) throw new UsageError(`路径不存在：${missing.join('、')}`);
      const results: FileResult[] = [];
      for (const f of files) results.push(await checkFile(f, config));
      const color = !process.env.NO_COLOR && Boolean(process.stdout.isTTY);
      io.stdout(formatters[opts.format](results, { lang: opts.lang, color, quiet: opts.quiet }));
      if (results.some((r) => r.findings.some((f) => f.severity === 'error'))) exitCode = EXIT.findings;
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
    .action((opts: { of: 'report' | 'document' }) => {
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
