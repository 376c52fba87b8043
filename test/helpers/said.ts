// What a user reads of a finding: its settled severity and its message rendered, as the formatters write it.
import type { Finding, Location, RenderedFinding } from '../../src/findings.js';
import { defaultSeverity } from '../../src/checks/index.js';
import { rendered } from '../../src/report/common.js';
import type { Lang } from '../../src/catalog/define.js';

type Raw = Omit<Finding, 'severity' | 'location'> & { severity?: Finding['severity']; location?: Partial<Location> };

/** The finding as an output shows it: its message's default severity (the catalog's) unless it has its own, and its message in the language. */
export function said(f: Raw, lang: Lang = 'zh'): RenderedFinding {
  const severity = f.severity ?? defaultSeverity(f.rule, f.messageId) ?? 'error';
  return rendered({ ...f, severity, location: { file: 'x', ...f.location } }, lang);
}

/** said() over a list. */
export const allSaid = (fs: Raw[], lang: Lang = 'zh') => fs.map((f) => said(f, lang));
