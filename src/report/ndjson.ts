// NDJSON formatter: one line per file, written as soon as that file is checked, so pipelines see progress; the checks
// across files come after, one line for each file they found something in: { path, stage: "cross-file", findings }.
// Each line says its schemaVersion, since lines travel alone (a shard, a grep).
import { SCHEMA_VERSION } from '../findings.js';
import { fileRecord, rendered, type Formatter } from './common.js';

export const ndjson: Formatter = {
  file: (result, options) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...fileRecord(result, options) }) + '\n',
  batch: (findings, options) => [...findings]
    .filter(([, fs]) => fs.length)
    .map(([path, fs]) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, path, stage: 'cross-file', findings: fs.map((f) => rendered(f, options.lang)) }) + '\n')
    .join(''),
  end: () => '',
  streaming: true,
};
