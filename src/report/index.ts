// Formatter registry: each formatter turns check results into text; selected by --format.
import type { FileResult } from '../pipeline.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export interface FormatOptions { lang: 'zh' | 'en'; color: boolean; quiet?: boolean }
export type Formatter = (results: FileResult[], options: FormatOptions) => string;

export const formatters: Record<string, Formatter> = {
  json: formatJson,
  stylish: formatStylish,
};

export function summarize(results: FileResult[]) {
  let errors = 0, warnings = 0, infos = 0, failed = 0;
  for (const r of results) {
    if (r.status === 'failed') failed++;
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: results.length, failed, errors, warnings, infos };
}
