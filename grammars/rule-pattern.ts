// The language of a grammar rule as one regular expression, built from the parser's productions and its tokens' patterns.
import type { CstParser, ISerializedGast } from 'chevrotain';

/** A serialized production: rules and non-terminals carry a name, terminals their token's name and pattern. */
type Production = ISerializedGast & { name?: string; pattern?: unknown; definition?: Production[] };

/**
 * A pattern matching exactly the token sequences a non-recursive rule accepts, each token by its own lexer pattern.
 * It is derived, never written by hand, so it cannot drift from the grammar: a quick test of where a rule can
 * match (a line that does not start like the rule need not be lexed and parsed) while the parser keeps the last word.
 */
export function rulePattern(parser: CstParser, ruleName: string): string {
  const rules = new Map((parser.getSerializedGastProductions() as Production[]).map((r) => [r.name!, r]));
  const open = new Set<string>();
  const seq = (defs: Production[] | undefined) => (defs ?? []).map(one).join('');
  function one(node: Production): string {
    switch (node.type) {
      case 'Terminal':
        if (typeof node.pattern !== 'string') throw new Error(`token ${node.name} has no regular-expression pattern`);
        return `(?:${node.pattern})`;
      case 'NonTerminal':
        return rule(node.name!);
      case 'Alternative':
        return seq(node.definition);
      case 'Alternation':
        return `(?:${node.definition!.map(one).join('|')})`;
      case 'Option':
        return `(?:${seq(node.definition)})?`;
      case 'Repetition':
        return `(?:${seq(node.definition)})*`;
      case 'RepetitionMandatory':
        return `(?:${seq(node.definition)})+`;
      default:
        throw new Error(`${node.type} is not supported in a rule pattern`);
    }
  }
  function rule(name: string): string {
    if (open.has(name)) throw new Error(`rule ${name} is recursive: no regular expression for it`);
    const r = rules.get(name);
    if (!r) throw new Error(`no rule ${name}`);
    open.add(name);
    const out = `(?:${seq(r.definition)})`;
    open.delete(name);
    return out;
  }
  return rule(ruleName);
}
