// Terminal formatter: findings grouped by file, one line each, a closing count line.
import chalk, { Chalk } from 'chalk';
import type { Formatter } from './index.js';
import { summarize } from './index.js';
import type { Location } from '../findings.js';

export function formatLocation(l: Location): string {
  const parts: string[] = [];
  if (l.sheet) parts.push(`${l.sheet}${l.cell ? '!' + l.cell : ''}`);
  else if (l.cell) parts.push(l.cell);
  if (l.page !== undefined) parts.push(`第${l.page}页`);
  if (l.paragraph !== undefined) parts.push(`第${l.paragraph}段`);
  if (l.row !== undefined && !l.cell) parts.push(`表格第${l.row + 1}行${l.col !== undefined ? `第${l.col + 1}列` : ''}`);
  return parts.join(' ') || '-';
}

export const formatStylish: Formatter = (results, options) => {
  const c = options.color ? chalk : new Chalk({ level: 0 });
  const lines: string[] = [];
  for (const r of results) {
    const shown = options.quiet ? r.findings.filter((f) => f.severity === 'error') : r.findings;
    if (shown.length === 0) continue;
    lines.push(c.underline(r.path));
    for (const f of shown) {
      const sev = f.severity === 'error' ? c.red('错误') : f.severity === 'warning' ? c.yellow('警告') : c.blue('提示');
      lines.push(`  ${formatLocation(f.location)}  ${sev}  ${f.message}  ${c.dim(f.rule)}`);
      if (f.evidence) lines.push(`      ${c.dim('原文：' + f.evidence)}`);
    }
    lines.push('');
  }
  const s = summarize(results);
  lines.push((s.errors ? c.red.bold : s.warnings ? c.yellow.bold : c.green.bold)(
    `共检查 ${s.files} 个文件：${s.errors} 个错误，${s.warnings} 个警告${s.failed ? `，${s.failed} 个文件无法读取` : ''}`));
  return lines.join('\n') + '\n';
};
