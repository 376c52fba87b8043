// The check registry: one explicit, sorted list; runChecks applies configured severities.
import type { Finding } from '../findings.js';
import type { Report } from '../model/schema.js';
import type { Config } from '../config.js';

export interface CheckMeta {
  id: string;
  severity: 'error' | 'warning' | 'info';
  description: { zh: string; en: string };
  formula?: string;
}

export const checks: CheckMeta[] = [];

export function runChecks(_report: Report, _config: Config): Finding[] {
  return [];
}
