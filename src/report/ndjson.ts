// NDJSON formatter: one line per file, written as soon as that file is checked, so pipelines see progress; the checks
// across files come after, one line for each file they found something in: { path, stage: "cross-file", findings }.
import { fileRecord, rendered, type Formatter } from './common.js';

export const ndjson: Formatter = {
  file: (result, options) => JSON.stringify(fileRecord(result, options)) + '\n',
  batch: (findings, options) => [...findings]
    .filter(([, fs]) => fs.length)
    .map(([path, fs]) => JSON.stringify({ path, stage: 'cross-file', findings: fs.map((f) => rendered(f, options.lang)) }) + '\n')
    .join(''),
  end: () => '',
  streaming: true,
};
