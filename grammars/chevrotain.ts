// Chevrotain for the grammars, loaded from its single-file build: the package entry imports lodash-es one module at
// a time (~650 files), which costs ~0.7 s in every thread that loads the grammars (the CLI and each worker).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type * as Chevrotain from 'chevrotain';

async function load(): Promise<typeof Chevrotain> {
  // The build sits beside the entry (lib/src/api.js → lib/chevrotain.mjs) in the very package version installed.
  const entry = createRequire(import.meta.url).resolve('chevrotain');
  try {
    return (await import(new URL('../chevrotain.mjs', pathToFileURL(entry)).href)) as typeof Chevrotain;
  } catch {
    return import('chevrotain');
  }
}

// generateCstDts must come from the same copy as the parsers: it recognises their productions by class.
export const { createToken, Lexer, CstParser, generateCstDts } = await load();
export type { TokenType, CustomPatternMatcherFunc, IToken, CstNode, ParserMethod } from 'chevrotain';
