// Compares two `jixiao check -f json` outputs on what a finding means, not on its wording.
// usage: node scripts/compare-findings.mjs BEFORE.json AFTER.json [--messages]
// A finding is keyed by [path, rule, messageId, severity, location, expected, actual]; findings are compared as
// multisets per file. Exit 0 when both sides hold the same findings (and the same files, statuses), 1 otherwise.
// --messages also lists the message texts that changed for a finding that is otherwise the same.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const showMessages = args.includes('--messages');
const [beforePath, afterPath] = args.filter((a) => !a.startsWith('--'));
if (!beforePath || !afterPath) {
  console.error('usage: node scripts/compare-findings.mjs BEFORE.json AFTER.json [--messages]');
  process.exit(2);
}

const load = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Object keys in a fixed order, so two equal locations serialise alike. */
const stable = (value) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable(value[k])]))
    : Array.isArray(value) ? value.map(stable) : value;

const keyOf = (path, f) =>
  JSON.stringify([path, f.rule, f.messageId, f.severity, stable(f.location ?? null), f.expected ?? null, f.actual ?? null]);

function index(report) {
  const files = new Map();
  for (const file of report.files) {
    const findings = new Map();
    for (const f of file.findings ?? []) {
      const key = keyOf(file.path, f);
      const entry = findings.get(key) ?? { count: 0, messages: [] };
      entry.count++;
      entry.messages.push(f.message);
      findings.set(key, entry);
    }
    files.set(file.path, { status: file.status, findings });
  }
  return files;
}

const before = index(load(beforePath));
const after = index(load(afterPath));
let differences = 0;
const wording = [];

for (const path of new Set([...before.keys(), ...after.keys()])) {
  const b = before.get(path), a = after.get(path);
  if (!b || !a) {
    differences++;
    console.log(`${b ? 'only before' : 'only after'}: file ${path}`);
    continue;
  }
  if (b.status !== a.status) {
    differences++;
    console.log(`status differs: ${path}: ${b.status} → ${a.status}`);
  }
  for (const key of new Set([...b.findings.keys(), ...a.findings.keys()])) {
    const nb = b.findings.get(key)?.count ?? 0, na = a.findings.get(key)?.count ?? 0;
    if (nb !== na) {
      differences++;
      console.log(`${nb > na ? '- before only' : '+ after only '} (${nb} → ${na}): ${key}`);
    } else {
      const mb = b.findings.get(key).messages, ma = a.findings.get(key).messages;
      mb.forEach((m, i) => { if (m !== ma[i]) wording.push([key, m, ma[i]]); });
    }
  }
}

if (showMessages) for (const [key, m, n] of wording) console.log(`wording: ${key}\n  before: ${m}\n  after:  ${n}`);
const count = (files) => [...files.values()].reduce((s, f) => s + [...f.findings.values()].reduce((t, e) => t + e.count, 0), 0);
console.log(
  differences === 0
    ? `same findings: ${before.size} files, ${count(before)} findings (${wording.length} with changed wording)`
    : `${differences} difference(s) between ${beforePath} and ${afterPath}`,
);
process.exit(differences === 0 ? 0 : 1);
