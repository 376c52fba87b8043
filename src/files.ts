// Expands command-line paths (files and folders, recursively) into the ordered list of inputs to check.
import { readdir, stat, realpath } from 'node:fs/promises';
import { join, extname } from 'node:path';

/** Extensions picked up when walking a folder; files named explicitly are always read. */
export const REPORT_EXTENSIONS = new Set(['.docx', '.pdf', '.xlsx', '.doc', '.xls', '.wps', '.et']);

/** One input in walking order; `unreadable` says why a folder or link could not be followed. */
export interface Input {
  path: string;
  unreadable?: string;
}

export interface Expanded {
  /** Files to check and entries that could not be walked, in the order they were met. */
  inputs: Input[];
  /** Paths given on the command line that do not exist (a usage error). */
  missing: string[];
}

const reason = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

export async function expandPaths(paths: string[]): Promise<Expanded> {
  const out: Expanded = { inputs: [], missing: [] };
  const seenDirs = new Set<string>();
  const addFile = (p: string) => { out.inputs.push({ path: p }); };

  async function walk(dir: string): Promise<void> {
    let real: string;
    try { real = await realpath(dir); } catch (e) { out.inputs.push({ path: dir, unreadable: reason(e) }); return; }
    if (seenDirs.has(real)) return; // symlink loop or the same folder twice
    seenDirs.add(real);
    let entries;
    try { entries = await readdir(dir, { withFileTypes: true }); } catch (e) { out.inputs.push({ path: dir, unreadable: reason(e) }); return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.name.startsWith('~$') || e.name.startsWith('.')) continue; // Office lock files, hidden files
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try { const s = await stat(p); isDir = s.isDirectory(); isFile = s.isFile(); } catch (err) { out.inputs.push({ path: p, unreadable: reason(err) }); continue; }
      }
      if (isDir) await walk(p);
      else if (isFile && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) addFile(p);
    }
  }

  for (const p of paths) {
    let s;
    try { s = await stat(p); } catch { out.missing.push(p); continue; }
    if (s.isDirectory()) await walk(p);
    else addFile(p);
  }
  return out;
}
