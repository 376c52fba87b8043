// Expands command-line paths (files and folders, recursively) into the ordered list of inputs to check.
import { readdir, stat, realpath } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';

/** Extensions picked up when walking a folder; files named explicitly are always read. */
export const REPORT_EXTENSIONS = new Set(['.docx', '.pdf', '.xlsx', '.doc', '.xls', '.wps', '.et', '.ofd']);

/** Why a folder or link could not be followed: the system's error code (and, for a loop, the folder it leads back to). */
export interface Unreadable { code: string; target?: string }

/** One input in walking order. */
export interface Input {
  path: string;
  unreadable?: Unreadable;
}

export interface Expanded {
  /** Files to check and entries that could not be walked, in the order they were met. */
  inputs: Input[];
  /** Paths given on the command line that do not exist (a usage error). */
  missing: string[];
  /** Files met in a folder that are this run's own output (`-o` inside a checked folder): not read as reports. */
  skipped: string[];
}

function reason(e: unknown): Unreadable {
  return { code: (e as NodeJS.ErrnoException).code ?? String(e) };
}

const looksLikeReport = (name: string) => REPORT_EXTENSIONS.has(extname(name).toLowerCase());

/** `ownOutput`: the file this run writes; found in a folder it is skipped, since it is no report (a summary workbook
 * written into the checked folder would otherwise be read as one on the next run). */
export async function expandPaths(paths: string[], ownOutput?: string): Promise<Expanded> {
  const out: Expanded = { inputs: [], missing: [], skipped: [] };
  const own = ownOutput === undefined ? undefined : resolve(ownOutput);
  // Folders already walked: a second link to one adds nothing. Folders being walked: a link to one is a loop.
  const walked = new Set<string>();
  const walking = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try { real = await realpath(dir); } catch (e) { out.inputs.push({ path: dir, unreadable: reason(e) }); return; }
    if (walking.has(real)) { out.inputs.push({ path: dir, unreadable: { code: 'ELOOP', target: real } }); return; }
    if (walked.has(real)) return;
    walked.add(real);
    walking.add(real);
    try {
      let entries;
      try { entries = await readdir(dir, { withFileTypes: true }); } catch (e) { out.inputs.push({ path: dir, unreadable: reason(e) }); return; }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.name.startsWith('~$') || e.name.startsWith('.')) continue; // Office lock files, hidden files
        let isDir = e.isDirectory();
        if (e.isSymbolicLink()) {
          try { isDir = (await stat(p)).isDirectory(); } catch (err) {
            // A broken link is reported when it could have been a report or a folder of them.
            if (looksLikeReport(e.name) || extname(e.name) === '') out.inputs.push({ path: p, unreadable: reason(err) });
            continue;
          }
        }
        if (isDir) await walk(p);
        else if (own !== undefined && resolve(p) === own) out.skipped.push(p);
        // Not only regular files: a FIFO or device named like a report is handed on, and the reader refuses it.
        else if (looksLikeReport(e.name)) out.inputs.push({ path: p });
      }
    } finally {
      walking.delete(real);
    }
  }

  for (const p of paths) {
    let s;
    try { s = await stat(p); } catch { out.missing.push(p); continue; }
    if (s.isDirectory()) await walk(p);
    else out.inputs.push({ path: p });
  }
  return out;
}
