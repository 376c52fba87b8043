// JSON formatter: { files: [{ path, format, status, findings }], summary }, written once all files are checked.
import { fileRecord, type Formatter } from './common.js';

export const json: Formatter = {
  end: (results, options, summary) => JSON.stringify({
    files: results.map((r) => fileRecord(r, options)),
    summary,
  }, null, 2) + '\n',
};
