// Which amount a rate divides when its sentence states several it could: the one its name's verb names (到位率: what
// arrived, not what was spent after it); a rate of one stage of the money with only another stage stated has no operand.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from './helpers/read.js';
import { defaultConfig } from '../src/config.js';
import type { Quantity } from '../src/model/schema.js';
import { buildDocx } from './helpers/docx-build.js';

const raw = (q?: Quantity) => (q ? q.raw.replace(/\s+/g, '') : '_');
let dir: string;
let n = 0;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-rate-operands-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a rate divides the stage of the money its name says (到位率: what arrived)', () => {
  const rates = async (line: string) => {
    const result = await checkFile(buildDocx(join(dir, `rate-${n++}.docx`), [line]), defaultConfig);
    return {
      relations: (result.report?.relations ?? []).flatMap((r) => (r.kind === 'rate' ? [`${r.name} ${raw(r.rate)} = ${raw(r.numerator)} / ${r.denominators.map(raw).join('|')}`] : [])),
      errors: result.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
    };
  };
  it('with what arrived and what was spent, 到位率 takes what arrived', async () => {
    const { relations, errors } = await rates('项目预算100万元，到位资金100万元，实际支出95万元，到位率100%，执行率95%。');
    expect(relations).toEqual(['到位率 100% = 100万元 / 100万元']);
    expect(errors).toEqual([]);
  });
  it('with only what was spent, 到位率 has no operand', async () => {
    expect(await rates('项目预算100万元，实际支出95万元，到位率100%。')).toEqual({ relations: [], errors: [] });
  });
  it.each([
    ['下达资金总额500万元，已拨付450万元，拨付率90%。', '拨付率 90% = 450万元 / 500万元'],
    ['项目预算资金500万元，已支出480万元，资金支付率96%。', '资金支付率 96% = 480万元 / 500万元'],
  ])('%s', async (line, relation) => {
    expect((await rates(line)).relations).toEqual([relation]);
  });
});
