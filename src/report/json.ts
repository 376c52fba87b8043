// JSON formatter: { schemaVersion, files: [{ path, format, status, findings }], summary, config }, written once all files are checked.
import { SCHEMA_VERSION } from '../findings.js';
import { fileRecord, type Formatter } from './common.js';

export const json: Formatter = {
  end: (results, options, summary) => JSON.stringify({
    // the shape of what follows (findings.ts): a reader checks it before trusting a field
    schemaVersion: SCHEMA_VERSION,
    files: results.map((r) => fileRecord(r, options)),
    summary,
    // which configuration file made these findings (null: none, the defaults)
    config: options.config ?? null,
  }, null, 2) + '\n',
};
