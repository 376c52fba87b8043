// Converts a legacy binary with LibreOffice, when it is installed: a private profile and folder per conversion (parallel
// conversions sharing a profile fail silently), a hard time limit, and nothing left behind.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's command on the PATH, or undefined. Looked up on each call so a test can hide it through PATH. */
export function findSoffice(path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      try { accessSync(candidate, constants.X_OK); return candidate; } catch { /* not here */ }
    }
  }
  return undefined;
}

export class ConversionTimeout extends Error {
  constructor(readonly seconds: number) { super(`conversion took more than ${seconds} s`); this.name = 'ConversionTimeout'; }
}

/** Output kept from LibreOffice's stderr for an error message: its last line is what went wrong. */
const lastLine = (text: string) => text.trim().split('\n').filter((l) => !/javaldx|^$/.test(l)).pop()?.slice(0, 200) ?? '';

/**
 * Converts `input` (a .doc or .xls as bytes) to `target` (docx or xlsx) and returns the converted bytes. Throws
 * ConversionTimeout after `limitMs`, having killed LibreOffice's whole process group; the temporary folder (profile,
 * input, output, LibreOffice's own temporary files) is removed whatever happens.
 */
export async function convertWithSoffice(soffice: string, input: Uint8Array, from: 'doc' | 'xls', target: 'docx' | 'xlsx', limitMs: number): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), 'jixiao-soffice-'));
  try {
    const source = join(work, `input.${from}`);
    const outdir = join(work, 'out');
    await writeFile(source, input);
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck',
      '--convert-to', target, '--outdir', outdir, source,
    ];
    // HOME and TMPDIR point into the folder too: whatever LibreOffice writes outside its profile goes with it.
    const child = spawn(soffice, args, {
      detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: work, TMPDIR: work },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => { if (stderr.length < 10_000) stderr += s; });
    const killGroup = () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } };
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; killGroup(); }, limitMs);
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (c) => resolve(c));
      });
      // to the hundredth of a second: a limit under half a second (a short --timeout) is not “0 seconds”
      if (timedOut) throw new ConversionTimeout(Math.round(limitMs / 10) / 100);
      try {
        return await readFile(join(outdir, `input.${target}`));
      } catch {
        throw new Error(lastLine(stderr) || `soffice exited with ${code}`);
      }
    } finally {
      clearTimeout(timer);
      // oosplash may leave soffice.bin behind when it is stopped; the group goes together
      killGroup();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
