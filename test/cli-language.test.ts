// --lang: a run in Chinese prints no English sentence, a run in English no Chinese one — usage and configuration
// errors (commander's and zod's own English replaced), notes and help (paths, rule ids and quoted text excepted).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, langOf } from '../src/cli.js';

const CJK = /[\u4e00-\u9fff]/;
/** Two English words in a row, outside what may be quoted: option flags, file names, rule ids, commands. */
const ENGLISH = /[A-Za-z]{3,} [A-Za-z]{3,}/;

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { stdout: (s: string) => { out += s; }, stderr: (s: string) => { out += s; }, stdin: async () => '' };
  const code = await main(['node', 'jixiao', ...args], io);
  return { code, out };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-lang-'));
  writeFileSync(join(dir, 'rules.json'), '{"rules": {"rat": "warning", "sum": "fatal"}}');
  writeFileSync(join(dir, 'broken.json'), '{"rules": {}');
  writeFileSync(join(dir, 'schema.json'), '{"weightTotal": "x", "rounding": "up", "gradeBands": [{"grade": 1}]}');
  writeFileSync(join(dir, 'options.json'), '{"rules": {"grade": {"bands": [{"grade": 1}]}, "weight-total": {"severity": "warning", "totals": "x"}}}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text without what may be in either language: paths, flags, rule ids, quoted values, format names. */
const unquoted = (text: string) => text
  .replace(new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '')
  .replace(/"[^"]*"|“[^”]*”|'[^']*'|<[^>]*>|\[[^\]]*\]|--?[\w-]+|\S+\.(?:json|docx|xlsx|csv|ndjson)|jixiao \w+/g, '');

const cases: Array<[string, string[]]> = [
  ['an unknown option', ['check', '--bogus', 'x']],
  ['an unknown command', ['frob']],
  ['a missing argument', ['check']],
  ['an option value not among the choices', ['check', '-f', 'xml', 'x']],
  ['an option value that is no count', ['check', '-j', 'two', 'x']],
  ['a path that does not exist', ['check', 'no-such-file.docx']],
  ['a workbook to a name that is no .xlsx', ['check', '-f', 'xlsx', '-o', 'out.csv', 'x']],
  ['a misspelt rule and severity in the configuration', ['check', '-c', 'RULES', 'x']],
  ['a configuration that is no JSON', ['check', '-c', 'BROKEN', 'x']],
  ['a configuration the schema refuses', ['check', '-c', 'SCHEMA', 'x']],
  ['a configuration file that does not exist', ['check', '-c', 'no-such-config.json', 'x']],
  ['rule options their rule’s schema refuses', ['check', '-c', 'OPTIONS', 'x']],
  ['help', ['check', '--help']],
];

describe('--lang', () => {
  it('is known before commander parses, wherever it stands', () => {
    expect(langOf(['node', 'jixiao', 'check', '--lang', 'en', 'x'])).toBe('en');
    expect(langOf(['node', 'jixiao', 'check', '--lang=en'])).toBe('en');
    expect(langOf(['node', 'jixiao', 'check', 'x'])).toBe('zh');
  });

  it.each(cases)('%s: Chinese under --lang zh, English under --lang en, exit 2 for an error', async (_what, args) => {
    const resolve = (a: string) => (a === 'RULES' ? join(dir, 'rules.json') : a === 'BROKEN' ? join(dir, 'broken.json') : a === 'SCHEMA' ? join(dir, 'schema.json') : a === 'OPTIONS' ? join(dir, 'options.json') : a);
    const [command, ...rest] = args.map(resolve);
    const zh = await run([command, '--lang', 'zh', ...rest]);
    const en = await run(command === 'frob' ? ['frob', '--lang', 'en'] : [command, '--lang', 'en', ...rest]);
    expect(zh.code).toBe(args.includes('--help') ? 0 : 2);
    expect(en.code).toBe(zh.code);
    expect(zh.out).toMatch(CJK);
    expect(unquoted(zh.out), zh.out).not.toMatch(ENGLISH);
    expect(unquoted(en.out), en.out).not.toMatch(CJK);
  });
});

it('names each wrong rule option by its path in the configuration', async () => {
  const { out, code } = await run(['check', '--lang', 'en', '-c', join(dir, 'options.json'), 'x']);
  expect(code).toBe(2);
  expect(out).toContain('rules.grade.bands[0].grade should be a string');
  expect(out).toContain('rules.weight-total.totals is invalid');
});
