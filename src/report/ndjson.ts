// NDJSON formatter: one line per file, written as soon as that file is checked, so pipelines see progress.
import { fileRecord, type Formatter } from './common.js';

export const ndjson: Formatter = {
  file: (result, options) => JSON.stringify(fileRecord(result, options)) + '\n',
  end: () => '',
  streaming: true,
};
