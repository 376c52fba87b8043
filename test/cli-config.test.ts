// Configuration as a user writes it (issue 21): unknown keys named with the nearest valid one, the file that was loaded
// said, rules about unread files never switched off, and `jixiao rules` showing the severities check really reports.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checks } from '../src/checks/index.js';
import { UNREAD_RULES, defaultConfig } from '../src/config.js';
import { settleDiagnostics } from '../src/severity.js';
import { READER_RULES, type ReaderMessageId, type ReaderRule } from '../src/catalog/readers/index.js';
import { jixiao, ROOT, CJK, STACK } from './helpers/cli.js';
import { scannedCopy } from './helpers/scan.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-config-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENCRYPTED = join(ROOT, 'fixtures', 'encrypted.pdf');
const CLEAN = join(ROOT, 'fixtures', '001-quanfang-2023.docx');

function config(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe.concurrent('an unknown key is rejected like an unknown rule, naming the nearest valid key', () => {
  it.each([
    ['"rule" for "rules"', { rule: { rate: 'off' } }, /没有“rule”这一项，是否想写“rules”/],
    ['"gradebands" for "gradeBands"', { gradebands: [] }, /没有“gradebands”这一项，是否想写“gradeBands”/],
    ['a band\'s "mn" for "min"', { gradeBands: [{ grade: '优秀', mn: 90 }] }, /gradeBands 第 1 项中没有“mn”这一项，是否想写“min”/],
    ['a rule\'s "severty" for "severity"', { rules: { rate: { severty: 'warning' } } }, /规则“rate”的设置中没有“severty”这一项，是否想写“severity”/],
  ])('%s', async (name, value, why) => {
    const r = await jixiao(['check', CLEAN, '-c', config(`${name.replace(/\W/g, '')}.json`, value)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(why);
    expect(r.stderr).not.toMatch(/undefined|Unrecognized/);
  });
});

describe.concurrent('a value of the wrong type is named in the UI’s words, never zod’s', () => {
  it.each([
    ['rules as a list', { rules: [] }, 'rules 应为对象'],
    ['gradeBands as text', { gradeBands: 'x' }, 'gradeBands 应为数组'],
  ])('%s', async (name, value, why) => {
    const r = await jixiao(['check', CLEAN, '-c', config(`type-${name.replace(/\W/g, '')}.json`, value)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(why);
    expect(r.stderr).not.toMatch(/record|Invalid input|expected/);
  });
});

describe.concurrent('the configuration file that was loaded is said once on stderr and in json output', () => {
  it('-c FILE', async () => {
    const path = config('lowered.json', { rules: { rate: 'warning' } });
    const r = await jixiao(['check', CLEAN, '-f', 'json', '-c', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`jixiao: 使用配置文件 ${path}\n`);
    expect(JSON.parse(r.stdout).config).toBe(path);
  });

  it('jixiao.config.json found in the current folder', async () => {
    const folder = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(folder, 'jixiao.config.json'), JSON.stringify({ rounding: 'round' }));
    const r = await jixiao(['check', CLEAN, '-f', 'json'], { cwd: folder });
    expect(r.stderr).toBe(`jixiao: 使用配置文件 ${join(folder, 'jixiao.config.json')}\n`);
    expect(JSON.parse(r.stdout).config).toBe(join(folder, 'jixiao.config.json'));
  });

  it('none: nothing said, and json says null', async () => {
    const folder = mkdtempSync(join(dir, 'none-'));
    const r = await jixiao(['check', CLEAN, '-f', 'json'], { cwd: folder });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).config).toBeNull();
  });
});

describe.concurrent('a file jixiao could not read never passes', () => {
  it.each(UNREAD_RULES.flatMap((rule) => [[rule, 'off'], [rule, 'info']]))('"%s": "%s" is a configuration error that says why', async (rule, severity) => {
    const r = await jixiao(['check', ENCRYPTED, '-c', config(`${rule}-${severity}.json`, { rules: { [rule]: severity } })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`规则“${rule}”不能设为 ${severity}：它报告的是未能读取或未能核查的文件`);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('the issue’s configuration: an encrypted and a scanned PDF are no clean exit 0', async () => {
    const scan = join(dir, 'scan.pdf');
    writeFileSync(scan, await scannedCopy(readFileSync(join(ROOT, 'fixtures', '000-sanyuan-2023.pdf')), [1], { dpi: 40 }));
    const r = await jixiao(['check', ENCRYPTED, scan, '-c', config('issue.json', { rules: { 'read-error': 'off', 'no-text': 'off' } })]);
    expect(r.code).toBe(2);
  });

  it('lowered to warning, the unread file is still reported, and counts for --max-warnings', async () => {
    const path = config('read-warning.json', { rules: { 'read-error': 'warning' } });
    const r = await jixiao(['check', ENCRYPTED, '-f', 'json', '-c', path]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].findings).toMatchObject([{ rule: 'read-error', severity: 'warning' }]);
    expect((await jixiao(['check', ENCRYPTED, '-c', path, '--max-warnings', '0'])).code).toBe(1);
  });
});

describe('jixiao rules', () => {
  let text: string;
  let listed: Array<{ id: string; severities: string[] }>;
  beforeAll(async () => {
    text = (await jixiao(['rules'])).stdout;
    listed = JSON.parse((await jixiao(['rules', '--json'])).stdout);
  });

  it('one readable line per rule: id, default severities, description, no message templates', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(checks.length);
    lines.forEach((line, i) => {
      expect(line.startsWith(checks[i]!.id)).toBe(true);
      expect(line).toContain(checks[i]!.description.zh);
      expect(line).toMatch(CJK);
    });
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('shows the severities check reports: no-text error (a whole scan), legacy-format info (converted), ocr info (pages read)', () => {
    const line = (id: string) => text.split('\n').find((l) => l.startsWith(`${id} `))!;
    expect(line('no-text')).toMatch(/ error\/warning /);
    expect(line('legacy-format')).toMatch(/ warning\/info /);
    expect(line('ocr')).toMatch(/ error\/warning\/info /);
    expect(line('rate')).toMatch(/ error /);
    expect(listed.find((c) => c.id === 'no-text')!.severities).toEqual(['error', 'warning']);
  });

  it('a whole scan’s no-text finding has a severity `rules` lists for no-text', async () => {
    const scan = join(dir, 'scan-rules.pdf');
    writeFileSync(scan, await scannedCopy(readFileSync(join(ROOT, 'fixtures', '000-sanyuan-2023.pdf')), [1], { dpi: 40 }));
    const r = await jixiao(['check', scan, '-f', 'json']);
    const [finding] = JSON.parse(r.stdout).files[0].findings;
    expect(finding).toMatchObject({ rule: 'no-text', severity: 'error' });
    expect(listed.find((c) => c.id === 'no-text')!.severities).toContain(finding.severity);
  });

  it('a reader message’s default severity is declared once, in the catalog: readers set none of their own', () => {
    const folder = join(ROOT, 'src', 'readers');
    const offending = readdirSync(folder).filter((f) => f.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(folder, file), 'utf8').matchAll(/rule: '[\w-]+', messageId: '[\w-]+'[^}]*severity: '\w+'/g)].map((m) => `${file}: ${m[0]}`));
    expect(offending).toEqual([]);
    // and what the catalog declares is what a finding of that message gets
    for (const c of checks.filter((x) => x.messageSeverity && Object.values(READER_RULES).some((r) => r.id === x.id))) {
      for (const [messageId, severity] of Object.entries(c.messageSeverity!)) {
        const [finding] = settleDiagnostics([{ rule: c.id as ReaderRule, messageId: messageId as ReaderMessageId, location: { file: 'x' } }], defaultConfig);
        expect(finding!.severity, `${c.id}.${messageId}`).toBe(severity);
      }
    }
  });
});
