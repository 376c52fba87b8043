// The reduce step: NDJSON shards written by `check -f ndjson --records`, read back as results for `summary`.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Finding, SCHEMA_VERSION } from './findings.js';
import type { FileResult } from './pipeline.js';
import type { CliPhrase } from './catalog/cli.js';
import type { MessageRef } from './catalog/define.js';
import { batchRegistry, hasTemplate } from './checks/index.js';

/** A shard given by name (`.ndjson`; standard input's is the catalog's word for it), or the record lines that came on standard input. */
export interface Shard { name: string | MessageRef<CliPhrase>; path?: string; lines?: string[] }

/** A shard that cannot be used as it is: a usage error naming the shard and line, so no file drops out unseen. */
export class ShardError extends Error {
  constructor(readonly id: CliPhrase, readonly data: Record<string, unknown> = {}) {
    super(id);
    this.name = 'ShardError';
  }
}

export const isShardPath = (p: string): boolean => /\.ndjson$/i.test(p);

/** A line of standard input that is a record, not a path: a path does not open with a brace. */
const isRecordLine = (line: string): boolean => line.trimStart().startsWith('{');

/**
 * What the workbook reads from a line. The records are checked for their shape only, not against the full Report
 * schema: a shard is jixiao's own output, and a value JSON cannot carry (NaN becomes null) must not make a whole
 * shard unusable.
 */
const Records = z.looseObject({
  meta: z.looseObject({}),
  indicators: z.array(z.looseObject({})),
  scoreItems: z.array(z.looseObject({})),
  relations: z.array(z.looseObject({})),
  budget: z.array(z.looseObject({})),
});
const Line = z.object({
  path: z.string(),
  format: z.string(),
  status: z.enum(['ok', 'failed']),
  findings: z.array(Finding),
  report: Records.optional(),
});

/**
 * Splits summary's arguments into report paths and shards. `-` is standard input: its record lines form one
 * shard, its other lines are paths (as for `check -`), so `… | jixiao summary - -o 汇总.xlsx` reduces a stream.
 * `split`: how the input is cut into lines (the CLI's, which knows -0).
 */
export async function takeShards(args: string[], stdin: () => Promise<string>,
  split = (text: string): string[] => text.split(/\r?\n/).filter((l) => l.trim() !== '')): Promise<{ paths: string[]; shards: Shard[] }> {
  const paths: string[] = [];
  const shards: Shard[] = [];
  for (const arg of args) {
    if (arg === '-') {
      const lines = split(await stdin());
      const records = lines.filter(isRecordLine);
      paths.push(...lines.filter((l) => !isRecordLine(l)));
      if (records.length) shards.push({ name: { messageId: 'shard-stdin' }, lines: records });
    } else if (isShardPath(arg)) shards.push({ name: arg, path: arg });
    else paths.push(arg);
  }
  return { paths, shards };
}

async function* linesOf(shard: Shard): AsyncGenerator<string> {
  if (shard.lines) { yield* shard.lines; return; }
  const stream = createReadStream(shard.path!, { encoding: 'utf8' });
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) if (line.trim() !== '') yield line;
  } catch (e) {
    throw new ShardError('shard-unreadable', { shard: shard.name, code: (e as NodeJS.ErrnoException).code ?? 'EIO' });
  }
}

/** Where a line is, as a value the message renders: 分片.ndjson 第 3 行 / 分片.ndjson line 3. */
type Where = MessageRef<CliPhrase>;

/** A line the checks across files wrote after the files' own lines: recomputed from the records, never read back. */
const isBatchLine = (value: unknown): boolean => (value as { stage?: unknown } | null)?.stage === 'cross-file';

/** Rules whose findings are made over the whole batch: a reduce makes them again from every shard's records. */
const BATCH_RULES = new Set(batchRegistry.map((c) => c.id));

function parseLine(line: string, where: Where): FileResult | undefined {
  let value: unknown;
  try { value = JSON.parse(line); } catch {
    throw new ShardError('shard-not-json', { where });
  }
  if (isBatchLine(value)) return undefined;
  // a line of another version reads its locations otherwise (0-based rows in 1): refused, never mixed in
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new ShardError('shard-version', { where, found: typeof version === 'number' ? version : { messageId: 'shard-no-version' }, expected: SCHEMA_VERSION });
  }
  const parsed = Line.safeParse(value);
  // the problem is worded when the error is shown, in the run's language
  if (!parsed.success) throw new ShardError('shard-not-records', { where, problem: parsed.error });
  if (parsed.data.status === 'ok' && parsed.data.report === undefined) throw new ShardError('shard-no-records', { where });
  const unknown = parsed.data.findings.find((f) => !hasTemplate(f.rule, f.messageId));
  if (unknown) throw new ShardError('shard-unknown-message', { where, rule: unknown.rule, messageId: unknown.messageId });
  // The line as written, not zod's output: defaults filled in would make the workbook differ from a single run's. The
  // findings are zod's: their rendered messages (in the shard's language) are dropped, to be rendered in this run's.
  const raw = value as FileResult; // its records have the shape checked above
  // a batch finding inside a file's line (written by a formatter that joins them) is the batch's, made again on reduce
  const result: FileResult = { path: raw.path, format: raw.format, status: raw.status, findings: parsed.data.findings.filter((f) => !BATCH_RULES.has(f.rule)) };
  if (raw.coverage !== undefined) result.coverage = raw.coverage;
  if (raw.report !== undefined) result.report = raw.report;
  return result;
}

/**
 * Paths compared one component at a time, each by code unit: the order a folder walk yields, so the rows of a
 * workbook reduced from shards come in the order of `summary FOLDER` over the same files.
 */
export function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Every result of the shards and of the files checked here, in path order whatever order the shards came in.
 * A file in two shards with the same line (a shard joined twice) counts once; with different lines it is an error,
 * since either could be the stale one.
 */
export async function* reduceShards(shards: Shard[], checked: AsyncIterable<FileResult>): AsyncGenerator<FileResult> {
  const byPath = new Map<string, { result: FileResult; line: string; where: Where }>();
  const add = (result: FileResult, where: Where) => {
    const { keys: _keys, ...compared } = result;
    const line = JSON.stringify(compared);
    const seen = byPath.get(result.path);
    if (seen === undefined) { byPath.set(result.path, { result, line, where }); return; }
    if (seen.line !== line) throw new ShardError('shard-conflict', { path: result.path, first: seen.where, second: where });
  };
  for (const shard of shards) {
    let n = 0;
    for await (const line of linesOf(shard)) {
      n++;
      const where: Where = { messageId: 'shard-line', data: { shard: shard.name, line: n } };
      const result = parseLine(line, where);
      if (result) add(result, where);
    }
  }
  for await (const result of checked) add(result, { messageId: 'shard-this-run' });
  const paths = [...byPath.keys()].sort(comparePaths);
  for (const p of paths) yield byPath.get(p)!.result;
}
