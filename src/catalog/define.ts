// The shape of the message catalog: a rule's metadata and templates in Chinese and English, and the one renderer.
import type { Severity } from '../findings.js';

export type Lang = 'zh' | 'en';

export interface Text {
  zh: string;
  en: string;
}

/** A rule as users see it: its id, default severity, what it means, and its message templates by id. */
export interface RuleMeta<M extends string = string> {
  id: string;
  severity: Severity;
  description: Text;
  /** the arithmetic the rule applies, in the document's own terms */
  formula?: string;
  /**
   * Messages whose findings default to another severity than the rule's: a reader rule's note (info) or its hard
   * failure (an error where the file went unchecked). The one place such a default is declared: the pipeline settles
   * findings by it and `jixiao rules` lists it.
   */
  messageSeverity?: Partial<Record<M, Severity>>;
  messages: Record<M, Text>;
}

/** A rule of the catalog; its message ids become a union type (ReadFailure and findings are checked against it). */
export function defineRule<M extends string>(rule: RuleMeta<M>): RuleMeta<M> {
  return rule;
}

/** A value of a message that is itself a message, of the same rule unless named (the detail of a zip-bomb, say). */
export interface MessageRef<M extends string = string, R extends string = string> {
  messageId: M;
  data?: Record<string, unknown>;
  rule?: R;
}

/** A value worded in both languages (a fallback name, a source of grade bands): written in the message's language. */
export function isText(v: unknown): v is Text {
  return typeof v === 'object' && v !== null && typeof (v as Text).zh === 'string' && typeof (v as Text).en === 'string';
}

export function isRef(v: unknown): v is MessageRef {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as MessageRef).messageId === 'string';
}

/** A message id the catalog does not hold: a bug, reported as one, never rendered as the bare id. */
export class MissingMessage extends Error {
  constructor(readonly rule: string, readonly messageId: string | undefined) {
    super(`no message ${rule}.${messageId ?? '(none)'} in the catalog`);
    this.name = 'MissingMessage';
  }
}

/** Where templates are looked up: a rule's messages by id. */
export type Templates = (rule: string) => Readonly<Record<string, Text>> | undefined;

/** How the language lists several values: 甲、乙 / a, b. */
const LIST_SEPARATOR: Text = { zh: '、', en: ', ' };

/**
 * Fills a template: {name} from the values; {name|s} is "s" unless the value is 1 (English plurals: file{files|s}).
 * A value that is a message reference is rendered from the catalog, a list is joined the way the language lists, a
 * { zh, en } value is taken in the message's language. A placeholder without a value stays as written, so the gap shows
 * (the catalog test renders every finding of the fixtures and fails on one).
 */
export function fill(template: string, values: Record<string, unknown>, lang: Lang, templates: Templates, rule: string): string {
  const text = (v: unknown): string => {
    if (isRef(v)) return render(templates, v.rule ?? rule, v.messageId, v.data ?? {}, lang);
    if (Array.isArray(v)) return v.map(text).join(LIST_SEPARATOR[lang]);
    if (isText(v)) return v[lang];
    return String(v);
  };
  return template.replace(/\{(\w+)(\|(\w*))?\}/g, (whole, key: string, plural: string | undefined, suffix: string) => {
    const v = values[key];
    if (v === undefined || v === null) return plural !== undefined ? suffix : whole;
    return plural !== undefined ? (Number(v) === 1 ? '' : suffix) : text(v);
  });
}

/** THE renderer: a rule's template for messageId in the language, filled from the values. Throws on a missing template. */
export function render(templates: Templates, rule: string, messageId: string | undefined, values: Record<string, unknown>, lang: Lang): string {
  const template = messageId === undefined ? undefined : templates(rule)?.[messageId]?.[lang];
  if (template === undefined) throw new MissingMessage(rule, messageId);
  return fill(template, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null)), lang, templates, rule);
}

/** A named set of phrases (the formatters' words, the CLI's messages): each a template in both languages. */
export function phrasebook<K extends string>(name: string, entries: Record<K, Text>) {
  const templates: Templates = (rule) => (rule === name ? entries : undefined);
  const say = (id: K, lang: Lang, values: Record<string, unknown> = {}): string => render(templates, name, id, values, lang);
  return Object.assign(say, { entries, book: name });
}
