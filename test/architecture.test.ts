// The house's shape: data flows one way, readers know nothing of checks, no import circles, the model in its folders.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { Relation } from '../src/model/schema.js';
import type { BlockKind } from '../src/model/forms/index.js';
import { E2E } from './e2e-files.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name))
    : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

/** Each file's static imports of this repository's files (type-only imports erased, dynamic imports aside). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of [...sources('src'), ...sources('grammars')]) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const deps: string[] = [];
    sf.forEachChild((n) => {
      if (!(ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) || !n.moduleSpecifier || !ts.isStringLiteral(n.moduleSpecifier)) return;
      if (ts.isImportDeclaration(n) && n.importClause?.isTypeOnly) return;
      if (ts.isExportDeclaration(n) && n.isTypeOnly) return;
      const spec = n.moduleSpecifier.text;
      if (!spec.startsWith('.')) return;
      const target = relative('.', resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      if (existsSync(target)) deps.push(target);
    });
    graph.set(file, deps);
  }
  return graph;
}

describe('architecture', () => {
  const graph = importGraph();

  it('no file under src/readers/ imports from src/checks/, the report or the CLI', () => {
    const offending = [...graph].flatMap(([file, deps]) => (file.startsWith(join('src', 'readers'))
      ? deps.filter((d) => d.startsWith(join('src', 'checks')) || d.startsWith(join('src', 'report')) || d === join('src', 'cli.ts')).map((d) => `${file} → ${d}`)
      : []));
    expect(offending).toEqual([]);
  });

  it('the lexicon imports nothing outside itself, and the batch nothing of the checks', () => {
    const lexicon = [...graph].flatMap(([file, deps]) => (file.startsWith(join('src', 'lexicon'))
      ? deps.filter((d) => !d.startsWith(join('src', 'lexicon'))).map((d) => `${file} → ${d}`) : []));
    expect(lexicon).toEqual([]);
    expect(graph.get(join('src', 'batch.ts'))!.filter((d) => d.startsWith(join('src', 'checks')))).toEqual([]);
  });

  it('has no import circle', () => {
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const circles: string[] = [];
    const visit = (file: string) => {
      state.set(file, 1);
      stack.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === 1) circles.push([...stack.slice(stack.indexOf(dep)), dep].join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      stack.pop();
      state.set(file, 2);
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('src/model/ keeps its three folders and its map', () => {
    for (const folder of ['prose', 'tables', 'forms']) expect(statSync(join('src', 'model', folder)).isDirectory(), folder).toBe(true);
    const readme = readFileSync(join('src', 'model', 'README.md'), 'utf8');
    // every relation kind and every form block is mapped to its file
    const kinds = Relation.options.map((o) => o.shape.kind.value);
    expect(kinds.length).toBeGreaterThan(5);
    for (const kind of kinds) expect(readme, kind).toContain(`\`${kind}\``);
    const blocks: BlockKind[] = ['budget', 'indicators', 'scores', 'amounts'];
    for (const block of blocks) expect(readme, block).toContain(`\`${block}\``);
  });

  it('unit tests start no process, LibreOffice or OCR: whatever does is listed in test/e2e-files.ts', () => {
    for (const file of E2E) expect(existsSync(file), file).toBe(true);
    const unit = readdirSync('test').filter((n) => n.endsWith('.test.ts')).map((n) => `test/${n}`).filter((f) => !E2E.includes(f) && f !== 'test/architecture.test.ts');
    const offending = unit.filter((f) => /from 'node:child_process'|checkFiles\(|bin\/jixiao|ocr: true|'--ocr'/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
