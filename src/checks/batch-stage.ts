// The batch stage: once every file is checked, the checks over the whole batch run on the files' key figures. Returns
// data: the findings by the file they are placed on, which files are twins, the units, and every figure compared.
import { reportedLocation, type Finding, type Location } from '../findings.js';
import type { MessageRef } from '../catalog/define.js';
import { defaultConfig, type Config } from '../config.js';
import { configured } from '../severity.js';
import { groupUnits, type KeyedFile } from '../model/units.js';
import { placementOf, type KeyFigures, type Unplaced } from '../model/key-figures.js';
import { unitComparisons } from './cross-file.js';
import { runBatchChecks } from './index.js';

/** A figure compared across two files of a unit, as the workbook's 跨文件核对 sheet lists it. */
export interface ComparedFigure {
  unit: string;
  year: number;
  /** the item's name: a message of the cross-file rule */
  item: MessageRef;
  a: { path: string; value: string; location: Location };
  b: { path: string; value: string; location: Location };
  agree: boolean;
}

export interface BatchOutcome {
  /** findings of the batch checks by the path of the file they are placed on, severities settled */
  findings: Map<string, Finding[]>;
  /** a file that is a twin of another (the same document): path → the path counted for both */
  twinOf: Map<string, string>;
  /** each unit and year with its files, in path order */
  units: Array<{ unit: string; year: number; paths: string[] }>;
  /** why a file is in no unit: it names no unit or no year, or was not read */
  unplaced: Map<string, Unplaced>;
  compared: ComparedFigure[];
}

/** True unless the configuration (or --no-cross-file) turns the checks across files off. */
export function crossFileOn(config: Pick<Config, 'rules'>): boolean {
  return configured(config.rules?.['cross-file']) !== 'off';
}

/** A file's result as the batch stage needs it: its path and key figures (absent for a file that was not read). */
export interface BatchInput { path: string; keys?: KeyFigures }

export function runBatchStage(inputs: BatchInput[], config: Config = defaultConfig): BatchOutcome {
  const cfg: Config = { ...defaultConfig, ...config };
  const files: KeyedFile[] = inputs.flatMap((i) => (i.keys ? [{ path: i.path, keys: i.keys }] : []));
  const findings = new Map<string, Finding[]>();
  // located as every finding leaves the pipeline: the key figures' places are the records', rows and columns 0-based
  for (const raw of runBatchChecks(files, cfg)) {
    const f = { ...raw, location: reportedLocation(raw.location) };
    findings.set(f.location.file, [...(findings.get(f.location.file) ?? []), f]);
  }
  const twinOf = new Map<string, string>();
  const unplaced = new Map<string, Unplaced>();
  for (const i of inputs) {
    const p = placementOf(i.keys);
    if ('unplaced' in p) unplaced.set(i.path, p.unplaced);
  }
  const units: BatchOutcome['units'] = [];
  const compared: ComparedFigure[] = [];
  if (crossFileOn(cfg)) {
    for (const unit of groupUnits(files)) {
      units.push({ unit: unit.unitAsWritten, year: unit.year, paths: unit.documents.flatMap((d) => d.files.map((f) => f.path)) });
      for (const d of unit.documents) for (const twin of d.files.slice(1)) twinOf.set(twin.path, d.files[0].path);
      for (const c of unitComparisons(unit)) {
        const side = (s: typeof c.a) => ({ path: s.document.files[0].path, value: s.figure.quantity?.raw ?? s.figure.grade ?? '', location: s.figure.location });
        compared.push({ unit: unit.unitAsWritten, year: unit.year, item: c.itemName, a: side(c.a), b: side(c.b), agree: c.agree });
      }
    }
  }
  // the files' order as given (the order their own results came in), so late lines follow the early ones
  const ordered = new Map(inputs.flatMap((i) => (findings.has(i.path) ? [[i.path, findings.get(i.path)!] as const] : [])));
  return { findings: ordered, twinOf, units, unplaced, compared };
}
