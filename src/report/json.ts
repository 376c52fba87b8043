// JSON formatter: { files: [{ path, format, status, findings }], summary, config }, written once all files are checked.
import { fileRecord, type Formatter } from './common.js';

export const json: Formatter = {
  end: (results, options, summary) => JSON.stringify({
    files: results.map((r) => fileRecord(r, options)),
    summary,
    // which configuration file made these findings (null: none, the defaults)
    config: options.config ?? null,
  }, null, 2) + '\n',
};
