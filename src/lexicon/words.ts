// Helpers for turning the lexicon's word lists into patterns: the lists stay data, callers never retype them.

/** A regex alternation of words, longest first, so 优秀 is preferred over 优 and 不合格 over 合格. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

/** A pattern matching exactly one of the words. */
export function wholeWord(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${alternation(words)})$`);
}

/** A pattern matching a text that ends in one of the words. */
export function endingIn(words: readonly string[]): RegExp {
  return new RegExp(`(?:${alternation(words)})$`);
}

/** A pattern matching a text that holds one of the words. */
export function anyOf(words: readonly string[]): RegExp {
  return new RegExp(alternation(words));
}
