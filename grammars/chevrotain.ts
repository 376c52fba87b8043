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
/**
 * Chevrotain validates a grammar (ambiguous alternatives, left recursion, unreachable tokens) each time a lexer or a
 * parser is built: ~35 ms of every thread's start, the CLI's and each worker's. The grammars are fixed when built, so
 * they are validated where they are tested (vitest sets VITEST, and an invalid grammar fails every test that imports
 * it) or when JIXIAO_VALIDATE_GRAMMARS is set, not again in each worker of each run.
 */
export const validateGrammars = process.env.VITEST !== undefined || process.env.JIXIAO_VALIDATE_GRAMMARS !== undefined;
const skipValidations = !validateGrammars;
/** Options every lexer of the grammars is built with. */
export const lexerOptions = { positionTracking: 'onlyOffset', ensureOptimizations: false, skipValidations } as const;
/** Options every parser of the grammars is built with (recovery off: a line that does not parse is no numbering). */
export const parserOptions = { recoveryEnabled: false, skipValidations } as const;

export type { TokenType, CustomPatternMatcherFunc, IToken, CstNode, ParserMethod } from 'chevrotain';
