// Expands command-line paths (files and folders, recursively) into the ordered list of inputs to check.
import { readdir, readlink, stat, realpath } from 'node:fs/promises';
import { join, extname, resolve } from 'node:path';
import { isJixiaoWorkbook } from './own-workbook.js';
import { looksLikeReviewCopy, reviewSourceOf } from './annotate/marker.js';

/** Extensions picked up when walking a folder; files named explicitly are always read. */
export const REPORT_EXTENSIONS = new Set(['.docx', '.pdf', '.xlsx', '.doc', '.xls', '.wps', '.et', '.ofd']);

/** Why a folder or link could not be followed: the system's error code (and, for a loop, the folder it leads back to). */
export interface Unreadable { code: string; target?: string; /** a listed path that does not exist (not a broken link) */ missing?: boolean }

/** One input in walking order. */
export interface Input {
  path: string;
  unreadable?: Unreadable;
}

/**
 * An entry met in a folder and left out: this run's own output (`-o` inside a checked folder), a jixiao workbook or
 * review copy, a symbolic link that leads back to a folder being walked (`target`), which holds nothing new, or one
 * that leads back to itself (`target`: where it points).
 */
export interface Skipped { path: string; why: 'output' | 'workbook' | 'review-copy' | 'loop' | 'link-loop'; target?: string }

export interface Expanded {
  /** Files to check and entries that could not be walked, in the order they were met; each file once. */
  inputs: Input[];
  /** Paths given on the command line that do not exist (a usage error). */
  missing: string[];
  /** Files met in a folder that are no reports of the user's: not read. */
  skipped: Skipped[];
}

/** A path to expand; `listed` when it came from a list (standard input), where a missing one is that entry's finding. */
export interface PathArg { path: string; listed?: boolean }

function reason(e: unknown): Unreadable {
  return { code: (e as NodeJS.ErrnoException).code ?? String(e) };
}

const looksLikeReport = (name: string) => REPORT_EXTENSIONS.has(extname(name).toLowerCase());

/**
 * `ownOutput`: the file this run writes; found in a folder it is skipped, since it is no report (a summary workbook
 * written into the checked folder would otherwise be read as one on the next run); so is any workbook jixiao wrote.
 * A file named twice (a folder and a file in it, `a/x.docx` and `a/../a/x.docx`, two links to it) is checked once.
 */
export async function expandPaths(paths: Array<string | PathArg>, ownOutput?: string): Promise<Expanded> {
  const out: Expanded = { inputs: [], missing: [], skipped: [] };
  const own = ownOutput === undefined ? undefined : resolve(ownOutput);
  // Files already listed, by their real path (resolved path when it cannot be resolved): each is checked once.
  const seen = new Set<string>();
  const addFile = async (p: string): Promise<void> => {
    let key: string;
    try { key = await realpath(p); } catch { key = resolve(p); }
    if (seen.has(key)) return;
    seen.add(key);
    out.inputs.push({ path: p });
  };
  // Folders already walked: a second link to one adds nothing. Folders being walked: a link to one is a loop.
  const walked = new Set<string>();
  const walking = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try { real = await realpath(dir); } catch (e) { out.inputs.push({ path: dir, unreadable: reason(e) }); return; }
    if (walking.has(real)) { out.skipped.push({ path: dir, why: 'loop', target: real }); return; }
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
            // A link that leads to itself (a → b → a) holds nothing: skipped, and said so.
            if ((err as NodeJS.ErrnoException).code === 'ELOOP') {
              out.skipped.push({ path: p, why: 'link-loop', target: await readlink(p).catch(() => p) });
              continue;
            }
            // A broken link is reported when it could have been a report or a folder of them.
            if (looksLikeReport(e.name) || extname(e.name) === '') out.inputs.push({ path: p, unreadable: reason(err) });
            continue;
          }
        }
        if (isDir) await walk(p);
        else if (own !== undefined && resolve(p) === own) out.skipped.push({ path: p, why: 'output' });
        else if (extname(e.name).toLowerCase() === '.xlsx' && await isJixiaoWorkbook(p)) out.skipped.push({ path: p, why: 'workbook' });
        // by name first (<name>.审阅.docx), so other files are not opened twice; then by the mark in its properties
        else if (looksLikeReviewCopy(e.name) && await reviewSourceOf(p) !== undefined) out.skipped.push({ path: p, why: 'review-copy' });
        // Not only regular files: a FIFO or device named like a report is handed on, and the reader refuses it.
        else if (looksLikeReport(e.name)) await addFile(p);
      }
    } finally {
      walking.delete(real);
    }
  }

  for (const arg of paths) {
    const { path: p, listed } = typeof arg === 'string' ? { path: arg, listed: false } : arg;
    let s;
    try { s = await stat(p); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // On the command line a missing path is the user's typo (exit 2); in a list it is one entry's problem.
      if (!listed) out.missing.push(p);
      else if (!seen.has(resolve(p))) {
        seen.add(resolve(p));
        out.inputs.push({ path: p, unreadable: code === 'ENOENT' ? { code: 'ENOENT', missing: true } : reason(e) });
      }
      continue;
    }
    if (s.isDirectory()) await walk(p);
    else await addFile(p);
  }
  return out;
}
