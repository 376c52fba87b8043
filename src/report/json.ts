// JSON formatter: { files: [{ path, format, findings }], summary }.
import type { Formatter } from './index.js';
import { summarize } from './index.js';

export const formatJson: Formatter = (results) =>
  JSON.stringify({
    files: results.map((r) => ({ path: r.path, format: r.format, status: r.status, findings: r.findings })),
    summary: summarize(results),
  }, null, 2) + '\n';
