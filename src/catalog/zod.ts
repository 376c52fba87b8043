// A zod validation failure in the catalog's words: each problem with the path it is at, never zod's English text.
import type { z } from 'zod';
import { cli, type CliPhrase } from './cli.js';
import type { Lang } from './define.js';

const TYPES: Record<string, CliPhrase> = {
  number: 'type-number', string: 'type-string', boolean: 'type-boolean', array: 'type-array', object: 'type-object',
  // a record is a JSON object keyed by names (rules: { rate: … }): no zod word reaches the user
  record: 'type-object',
};

/** rules.rate, gradeBands[0].min: where in the value a problem is. */
function pathText(path: ReadonlyArray<PropertyKey>, lang: Lang): string {
  if (!path.length) return cli('the-whole-file', lang);
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** One problem of a failed parse, in the language. */
export function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  const path = pathText(issue.path, lang);
  switch (issue.code) {
    case 'invalid_type': {
      const phrase = TYPES[issue.expected];
      return cli('value-expected', lang, { path, expected: phrase ? cli(phrase, lang) : cli('type-other', lang, { type: issue.expected }) });
    }
    case 'invalid_value':
      return cli('value-one-of', lang, { path, values: issue.values.map((v) => JSON.stringify(v)) });
    case 'too_small':
      return cli('value-too-small', lang, { path, minimum: String(issue.minimum) });
    case 'too_big':
      return cli('value-too-big', lang, { path, maximum: String(issue.maximum) });
    case 'unrecognized_keys':
      return cli('value-unknown-keys', lang, { path, keys: issue.keys });
    default:
      return cli('value-invalid', lang, { path });
  }
}

/** Every problem of a failed parse, joined as one sentence's parts. */
export function issuesText(error: z.ZodError, lang: Lang): string {
  return error.issues.map((i) => issueText(i, lang)).join(cli('problem-separator', lang));
}
