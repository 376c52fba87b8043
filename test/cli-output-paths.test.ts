// Output paths and failures (issue 21): -o checked before any report is read, missing folders made, a full disk said in
// one sentence, the terminal given back on Ctrl-C, and the exit code kept when a pipe's reader leaves early.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jixiao, pipeline, ROOT, CJK, STACK } from './helpers/cli.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-output-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REPORT = 'fixtures/000-sanyuan-2023.docx';

describe.concurrent('an output path that cannot be used is a usage error before any report is read', () => {
  // standard input is left open: a run that went on to read the path list (and the reports) would never end
  const waiting = { input: '', keepStdinOpen: true, timeoutMs: 60_000 };

  it.each([
    ['check -o an existing folder', () => ['check', '-', '-o', dir], /是一个已存在的文件夹/],
    ['summary -o a folder named like a workbook', () => { mkdirSync(join(dir, 'book.xlsx'), { recursive: true }); return ['summary', '-', '-o', join(dir, 'book.xlsx')]; }, /是一个已存在的文件夹.*汇总\.xlsx/],
    ['check -o through a file', () => ['check', '-', '-o', `${REPORT}/r.txt`], /路径中有一段是文件而不是文件夹/],
  ])('%s', async (_, args, why) => {
    const r = await jixiao(args(), waiting);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toMatch(CJK);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('annotate -o an existing file of the user’s', async () => {
    const mine = join(dir, 'notes.txt');
    writeFileSync(mine, 'mine');
    const r = await jixiao(['annotate', REPORT, '-o', mine]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/是已存在的文件.*不会覆盖/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(mine, 'utf8')).toBe('mine');
  });
});

describe('missing folders above -o are created', () => {
  it('check -o missing/dir/r.json writes the file there', async () => {
    const out = join(dir, 'missing', 'dir', 'r.json');
    const r = await jixiao(['check', REPORT, '-f', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).files).toHaveLength(1);
  });
});

describe('a write that fails later (a full disk) is one sentence and exit 2', () => {
  it.each([['stylish'], ['ndjson'], ['json']])('check -f %s > /dev/full', async (format) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = await jixiao(['check', '-f', format, REPORT, 'fixtures/004-baocheng-2024.docx'], { stdoutFd: full });
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toBe('jixiao: 写入标准输出失败：磁盘已满（ENOSPC）；输出不完整。\n');
    } finally {
      closeSync(full);
    }
  });

  it.each([['check -f json', 'r.json'], ['summary', 'r.xlsx']])('%s -o under a file size limit (a disk filling up): exit 2, one sentence, the old file kept', async (command, name) => {
    // the json (about 6 KB) and the workbook (about 11 KB) of two reports outgrow the 4 KB allowed
    const out = join(dir, `limit-${name}`);
    writeFileSync(out, 'old');
    // ulimit -f counts 1024-byte blocks: the output is cut short (a short write, then EFBIG), as on a disk that fills up
    const r = await pipeline(`ulimit -f 4; $JIXIAO ${command} ${REPORT} fixtures/004-baocheng-2024.docx -o ${out}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`jixiao: 写入 ${out} 失败：文件过大（EFBIG）；输出不完整。\n`);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('annotate > /dev/full: the copies are written, then the failed listing is said', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const out = join(dir, 'full-copies');
      const r = await jixiao(['annotate', REPORT, 'fixtures/004-baocheng-2024.docx', '-o', out], { stdoutFd: full });
      expect(r.code).toBe(2);
      expect(readdirSync(out).sort()).toEqual(['000-sanyuan-2023.审阅.docx', '004-baocheng-2024.审阅.docx']);
      expect(r.stderr).toMatch(/^jixiao: 写入标准输出失败：磁盘已满（ENOSPC）/);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      closeSync(full);
    }
  });
});

describe('when stdout is cut short, the exit code still reports the findings', () => {
  it('check -f ndjson | head -1 exits 1 (fixtures/encrypted.pdf cannot be read)', async () => {
    // head leaves after the first line: the second and third are written to a closed pipe
    const r = await pipeline(`$JIXIAO check -f ndjson -j 1 ${REPORT} fixtures/001-quanfang-2023.docx fixtures/encrypted.pdf | head -1`);
    expect(JSON.parse(r.stdout).path).toBe('fixtures/000-sanyuan-2023.docx');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });

  it('read | head -c 1 exits 1 for the unreadable file', async () => {
    const r = await pipeline('$JIXIAO read fixtures/encrypted.pdf fixtures/004-baocheng-2024.docx | head -c 1');
    expect(r.stdout).toBe('[');
    expect(r.code).toBe(1);
  });
});

/**
 * The CLI's own main() in a child process, its progress bars on a "terminal" that is a file (isTTY set), so the
 * escape codes the bars write can be read back after the process is stopped by a signal.
 */
function withBars(args: string[], terminal: string, onBars: (child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const script = `
    import { openSync, writeSync } from 'node:fs';
    import { Writable } from 'node:stream';
    const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'src', 'cli.js')).href)});
    // written at once, as a terminal is on Linux
    const fd = openSync(${JSON.stringify(terminal)}, 'w');
    const stream = new Writable({ write(chunk, _, done) { writeSync(fd, chunk); done(); } });
    stream.isTTY = true; stream.columns = 100;
    process.exitCode = await main(['node', 'jixiao', ...${JSON.stringify(args)}], {
      stdout: () => {}, stderr: () => {}, stderrIsTTY: true, progressStream: stream,
    });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore', timeout: 120_000 });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
    const poll = setInterval(() => {
      if (existsSync(terminal) && readFileSync(terminal, 'latin1').includes('\x1b[?25l')) { clearInterval(poll); onBars(child); }
    }, 50);
    child.on('close', () => clearInterval(poll));
  });
}

/** After the last time the bars hid the cursor and turned off line wrap, both were turned back on. */
function restored(terminal: string): boolean {
  const text = readFileSync(terminal, 'latin1');
  const hidden = text.lastIndexOf('\x1b[?25l');
  return hidden >= 0 && text.indexOf('\x1b[?25h', hidden) > hidden && text.indexOf('\x1b[?7h', text.lastIndexOf('\x1b[?7l')) > hidden;
}

describe('the progress bars give the terminal back its cursor and line wrap', () => {
  it.each([['SIGINT'], ['SIGTERM']] as const)('on %s (Ctrl-C) during the run, and the process still ends by the signal', async (signal) => {
    const terminal = join(dir, `tty-${signal}`);
    const end = await withBars(['check', '-j', '1', 'fixtures'], terminal, (child) => child.kill(signal));
    expect(end.signal).toBe(signal);
    expect(restored(terminal)).toBe(true);
  });

  it('at the end of a run', async () => {
    const terminal = join(dir, 'tty-end');
    const end = await withBars(['check', '-j', '1', 'fixtures/000-sanyuan-2023.docx', 'fixtures/001-quanfang-2023.docx'], terminal, () => {});
    expect(end.code).toBe(0);
    expect(restored(terminal)).toBe(true);
  });
});
