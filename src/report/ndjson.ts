// NDJSON formatter: one line per file, written as soon as that file is checked, so pipelines see progress. Each line
// says its schemaVersion, since lines travel alone (a shard, a grep).
import { SCHEMA_VERSION } from '../findings.js';
import { fileRecord, type Formatter } from './common.js';

export const ndjson: Formatter = {
  file: (result, options) => JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...fileRecord(result, options) }) + '\n',
  end: () => '',
  streaming: true,
};
