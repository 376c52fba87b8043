// Runs the built CLI (bin/jixiao) as users do: its exit code or signal, stdout and stderr; never blocks the test runner.
import { spawn, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'jixiao');

export interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export interface RunOptions {
  cwd?: string;
  /** standard input; left open when `keepStdinOpen` */
  input?: string | Uint8Array;
  keepStdinOpen?: boolean;
  env?: Record<string, string>;
  /** stdout to a file descriptor (e.g. /dev/full) instead of a pipe */
  stdoutFd?: number;
  timeoutMs?: number;
}

export function jixiao(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    delete env.FORCE_COLOR;
    if (!options.env?.NO_COLOR) delete env.NO_COLOR;
    const stdio: StdioOptions = ['pipe', options.stdoutFd ?? 'pipe', 'pipe'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio, timeout: options.timeoutMs ?? 300_000 });
    let stdout = '', stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (options.input !== undefined) child.stdin!.write(options.input);
    if (!options.keepStdinOpen) child.stdin!.end();
  });
}

/** A shell pipeline under bash's pipefail, from the repository root: its exit status is jixiao's when jixiao fails. */
export function pipeline(command: string, cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, JIXIAO: `${process.execPath} ${BIN}` };
    delete env.FORCE_COLOR;
    const child = spawn('bash', ['-c', `set -o pipefail; ${command}`], { cwd, env, timeout: 300_000 });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Chinese characters: a message meant for the Chinese interface has some. */
export const CJK = /[\u4e00-\u9fff]/;
/** A JavaScript stack trace line. */
export const STACK = /\n\s+at .+\(.+:\d+:\d+\)|node:internal/;
