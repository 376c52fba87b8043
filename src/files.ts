// Expands command-line paths (files and folders, recursively) into the list of files to check.
import { readdir, stat, realpath } from 'node:fs/promises';
import { join, extname } from 'node:path';

/** Extensions picked up when walking a folder; files named explicitly are always read. */
export const REPORT_EXTENSIONS = new Set(['.docx', '.pdf', '.xlsx', '.doc', '.xls', '.wps', '.et']);

export interface Expanded {
  files: string[];
  /** Paths given on the command line that do not exist (a usage error). */
  missing: string[];
  /** Folders or entries that could not be walked (reported per file, not fatal). */
  unreadable: { path: string; reason: string }[];
}

export async function expandPaths(paths: string[]): Promise<Expanded> {
  const out: Expanded = { files: [], missing: [], unreadable: [] };
  const seenDirs = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try { real = await realpath(dir); } catch (e) { out.unreadable.push({ path: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) }); return; }
    if (seenDirs.has(real)) return; // symlink loop or the same folder twice
    seenDirs.add(real);
    let entries;
    try { entries = await readdir(dir, { withFileTypes: true }); } catch (e) { out.unreadable.push({ path: dir, reason: (e as NodeJS.ErrnoException).code ?? String(e) }); return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.name.startsWith('~$') || e.name.startsWith('.')) continue; // Office lock files, hidden files
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try { const s = await stat(p); isDir = s.isDirectory(); isFile = s.isFile(); } catch (err) { out.unreadable.push({ path: p, reason: (err as NodeJS.ErrnoException).code ?? String(err) }); continue; }
      }
      if (isDir) await walk(p);
      else if (isFile && REPORT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.files.push(p);
    }
  }

  for (const p of paths) {
    let s;
    try { s = await stat(p); } catch { out.missing.push(p); continue; }
    if (s.isDirectory()) await walk(p);
    else out.files.push(p);
  }
  return out;
}
