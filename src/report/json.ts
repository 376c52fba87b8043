// JSON formatter: { files: [{ path, format, status, findings }], summary }, written once all files are checked.
import { fileRecord, summarize, type Formatter } from './common.js';

export const json: Formatter = {
  end: (results, options) => JSON.stringify({
    files: results.map((r) => fileRecord(r, options)),
    summary: summarize(results),
  }, null, 2) + '\n',
};
