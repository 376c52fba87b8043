// The docs a new user reads (issue 21): the README's tables and English section whole, help that names every format and
// says when a second worker starts, the scale-out recipe listing every extension the walk picks up, npm pack's tarball
// ignored by git.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_EXTENSIONS } from '../src/files.js';
import { FILES_PER_WORKER } from '../src/batch.js';
import { jixiao, ROOT } from './helpers/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The lines of the section under a heading, up to the next heading of any level. */
function section(heading: string): string[] {
  const lines = README.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^#{1,6} /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('the README', () => {
  it('其他命令: one table, every row a row of it, and the read/extract paragraph after it', () => {
    const lines = section('### 其他命令');
    const first = lines.findIndex((l) => l.startsWith('|'));
    const after = lines.findIndex((l, i) => i > first && !l.startsWith('|'));
    const table = lines.slice(first, after);
    expect(table.slice(0, 2)).toEqual(['| 命令 | 作用 |', '| --- | --- |']);
    expect(table.map((l) => l.match(/`jixiao (\w+)/)?.[1]).filter(Boolean)).toEqual(['read', 'extract', 'schema', 'rules']);
    // nothing after the table's end looks like a stray row of it
    expect(lines.slice(after).filter((l) => l.startsWith('|'))).toEqual([]);
  });

  it('review copies: the colour of information with --all is documented', () => {
    const annotate = section('## 审阅副本：把问题标回报告里').join('\n');
    expect(annotate).toMatch(/--all.*提示以浅蓝标出/);
    expect(annotate).toMatch(/提示浅蓝/);
  });

  it('the English section says each thing once: no stale repeated paragraph', () => {
    const english = README.slice(README.indexOf('## English'));
    const leads = [...english.matchAll(/^\*\*([^*]+)\*\*/gm)].map((m) => m[1]);
    expect(leads.length).toBeGreaterThan(8);
    expect(leads).toEqual([...new Set(leads)]);
  });
});

describe.concurrent('help', () => {
  it.each([['read'], ['extract']])('%s --help names every format it reads, .doc and .ofd included', async (command) => {
    const r = await jixiao([command, '--help']);
    for (const ext of REPORT_EXTENSIONS) expect(r.stdout, ext).toContain(ext);
  });

  it('-j says when a second worker starts, from the batch’s own number', async () => {
    const r = await jixiao(['check', '--help']);
    const help = r.stdout.replace(/\s+/g, '');
    expect(help).toContain(`每${FILES_PER_WORKER}个文件用一个工作线程：不超过${FILES_PER_WORKER}个文件的批次只用一个`);
  });

  it('read DIR is a usage error that says to use check', async () => {
    const r = await jixiao(['read', 'fixtures']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('请用 jixiao check fixtures');
  });
});

describe('docs/scale-out.md', () => {
  it('the find recipe lists every extension the folder walk picks up, *.ofd included', () => {
    const recipe = /```sh\n(find -L reports[\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs', 'scale-out.md'), 'utf8'))![1]!;
    const listed = [...recipe.matchAll(/-iname '\*(\.\w+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([...REPORT_EXTENSIONS].sort());
  });
});

describe.skipIf(!existsSync(join(ROOT, '.git')))('git', () => {
  it('ignores the tarball npm pack leaves in the folder', () => {
    expect(spawnSync('git', ['check-ignore', '-q', 'jixiao-0.1.0.tgz'], { cwd: ROOT }).status).toBe(0);
  });
});
