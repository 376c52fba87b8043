// Which files belong to one unit and year, which are copies of one document (twins), and which documents of a unit can
// be compared with certainty. By exact names after normalisation, never by similarity: a file that cannot be placed
// with certainty is left out, and the outcome says why.
import type { KeyFigures } from './key-figures.js';

/** A file as the checks across files see it: its path and key figures. */
export interface KeyedFile {
  path: string;
  keys: KeyFigures;
}

/** One document: a file and its twins (the same report as .docx and .pdf, or the same content under two names). */
export interface UnitDocument {
  /** in path order; the first is the one counted in totals */
  files: KeyedFile[];
  role: string;
  level?: KeyFigures['level'];
}

export interface Unit {
  /** the unit's name, normalised, and as the first file writes it */
  unit: string;
  unitAsWritten: string;
  year: number;
  documents: UnitDocument[];
}

/** Two documents of one unit whose figures are compared, or one that could not be paired with certainty. */
export interface Pairing {
  unit: Unit;
  a: UnitDocument;
  b: UnitDocument;
}

/** A document left out of a comparison it would have had: a role has several documents and no name pairs them. */
export interface LeftOut {
  unit: Unit;
  document: UnitDocument;
  /** the documents of the role that has several (they differ, so which one goes with which is unknown) */
  alike: UnitDocument[];
  /** the documents of the other role, which it was not compared with */
  counterpart: UnitDocument[];
}

/**
 * Paths compared one component at a time, each by code unit: the order a folder walk yields (src/shards.ts sorts shard
 * results the same way), so which twin is counted does not depend on how the files were given.
 */
function comparePaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/** The folder a file sits in, as given. */
function folderOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The folder and the name without extension: files that share both are one submission's (报告.docx, 报告.xlsx). */
function stemOf(path: string): string {
  const base = path.slice(folderOf(path).length);
  const dot = base.lastIndexOf('.');
  return `${folderOf(path)}${dot > 0 ? base.slice(0, dot) : base}`;
}

/** Twins: same role and the same multiset of stated figures (the unit and year are the group's). */
function documentsOf(files: KeyedFile[]): UnitDocument[] {
  const byContent = new Map<string, KeyedFile[]>();
  const documents: UnitDocument[] = [];
  for (const f of [...files].sort((x, y) => comparePaths(x.path, y.path))) {
    const print = f.keys.fingerprint;
    if (print === undefined) { documents.push({ files: [f], role: f.keys.role, level: f.keys.level }); continue; }
    const key = `${f.keys.role}|${print}`;
    const twins = byContent.get(key);
    if (twins) { twins.push(f); continue; }
    const list = [f];
    byContent.set(key, list);
    documents.push({ files: list, role: f.keys.role, level: f.keys.level });
  }
  return documents;
}

/** Groups placed files by unit and year (exact normalised names: 某局 and 某局本级 are two units). */
export function groupUnits(files: KeyedFile[]): Unit[] {
  const groups = new Map<string, KeyedFile[]>();
  for (const f of files) {
    if (f.keys.unit === undefined || f.keys.year === undefined) continue;
    const key = `${f.keys.unit}\u0000${f.keys.year}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const units: Unit[] = [];
  for (const members of groups.values()) {
    const documents = documentsOf(members);
    const first = documents[0].files[0].keys;
    units.push({ unit: first.unit!, unitAsWritten: first.unitAsWritten ?? first.unit!, year: first.year!, documents });
  }
  return units.sort((x, y) => comparePaths(x.documents[0].files[0].path, y.documents[0].files[0].path));
}

/** True when two documents have a file each with the same folder and name (the names say they go together). */
function namedAlike(a: UnitDocument, b: UnitDocument): boolean {
  const stems = new Set(a.files.map((f) => stemOf(f.path)));
  return b.files.some((f) => stems.has(stemOf(f.path)));
}

/** True when two documents have a file each in one folder (a unit's folder: 单位A/报告.docx beside 单位A/自评表.xlsx). */
function foldedAlike(a: UnitDocument, b: UnitDocument): boolean {
  const folders = new Set(a.files.map((f) => folderOf(f.path)));
  return b.files.some((f) => folders.has(folderOf(f.path)));
}

/**
 * Pairs of two roles' documents that the names say go together: the same file name (报告.docx, 报告.xlsx), else the
 * same folder. Only one-to-one: a name or folder that two documents of a role share pairs neither.
 */
function pairedByName(as: UnitDocument[], bs: UnitDocument[]): Array<[UnitDocument, UnitDocument]> {
  const pairs: Array<[UnitDocument, UnitDocument]> = [];
  const used = new Set<UnitDocument>();
  for (const alike of [namedAlike, foldedAlike]) {
    const freeA = as.filter((a) => !used.has(a));
    const freeB = bs.filter((b) => !used.has(b));
    for (const a of freeA) {
      const named = freeB.filter((b) => alike(a, b));
      if (named.length === 1 && freeA.filter((x) => alike(x, named[0])).length === 1) {
        pairs.push([a, named[0]]);
        used.add(a).add(named[0]);
      }
    }
  }
  return pairs;
}

/**
 * The documents of a unit to compare: two of different roles at the same level (a report and its form, a form and its
 * scoring sheet). When a role has one document and so has the other's, they pair; when one has several that differ
 * (two versions of a report, a mutation beside its original), a pair holds only where the file names or folders say
 * so, and the rest are left out.
 */
export function pairings(unit: Unit): { pairs: Pairing[]; leftOut: LeftOut[] } {
  const byRole = new Map<string, UnitDocument[]>();
  for (const d of unit.documents) {
    if (d.level === undefined) continue;
    const key = `${d.level}|${d.role}`;
    byRole.set(key, [...(byRole.get(key) ?? []), d]);
  }
  const roles = [...byRole.entries()];
  const pairs: Pairing[] = [];
  const leftOut = new Map<UnitDocument, LeftOut>();
  for (let i = 0; i < roles.length; i++) {
    for (let j = i + 1; j < roles.length; j++) {
      const [, as] = roles[i];
      const [, bs] = roles[j];
      if (as[0].level !== bs[0].level) continue;
      if (as.length === 1 && bs.length === 1) { pairs.push({ unit, a: as[0], b: bs[0] }); continue; }
      const paired = new Set<UnitDocument>();
      for (const [a, b] of pairedByName(as, bs)) {
        pairs.push({ unit, a, b });
        paired.add(a).add(b);
      }
      // every document not paired is said to be left out, on both sides, naming the role that has several
      for (const [docs, others] of [[as, bs], [bs, as]] as const) {
        const crowded = docs.length > 1 ? docs : others;
        for (const d of docs) if (!paired.has(d) && !leftOut.has(d)) leftOut.set(d, { unit, document: d, alike: crowded, counterpart: others });
      }
    }
  }
  return { pairs, leftOut: [...leftOut.values()] };
}
