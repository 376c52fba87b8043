// The sentence structure as lists: in each container (a sentence, or an aside) its elements in order with their
// places, and the separator rank between two of them. Grammar-level facts only; what a list means (its whole, its
// parts, where it ends) is read in relations/of-which.ts.
import type { Aside, Group, ItemElement, ParsedParagraph, Position } from './phrases.js';
import type { LabelledQuantity } from './phrases.js';
import { SEPARATOR_RANK } from '../../lexicon/index.js';

/** One element of a container in text order, with its place; an aside is one element of its container. */
export interface Placed {
  element: ItemElement;
  at: Position;
  start: number;
  end: number;
}

/** A container's elements, and for each aside element the container it opens. */
export interface Container {
  id: number;
  sentence: number;
  /** the aside this container is, if it is one */
  aside?: Aside;
  /** the container this one is an element of */
  parent?: number;
  elements: Placed[];
}

const spanOf = (e: ItemElement): { start: number; end: number } => {
  if (e.kind === 'quantity') return { start: e.q.start, end: e.q.end };
  if (e.kind === 'aside') return { start: e.aside.start, end: e.aside.end };
  return { start: e.start, end: e.end };
};

/** Every container of a paragraph, numbered as the visitor numbered them (a sentence, then its asides, depth first). */
export function containersOf(p: ParsedParagraph): Container[] {
  const out: Container[] = [];
  const walk = (groups: Group[], sentence: number, aside?: Aside, parent?: number) => {
    const id = out.length;
    const c: Container = { id, sentence, elements: [] };
    if (aside) c.aside = aside;
    if (parent !== undefined) c.parent = parent;
    out.push(c);
    groups.forEach((g, group) => g.clauses.forEach((cl, clause) => cl.items.forEach((item, it) => {
      for (const e of item.elements) {
        c.elements.push({ element: e, at: { container: id, group, clause, item: it }, ...spanOf(e) });
        if (e.kind === 'aside') walk(e.aside.groups, sentence, e.aside, id);
      }
    })));
  };
  p.sentences.forEach((s, k) => walk(s.groups, k));
  return out;
}

/** The separator rank between two places of one container: ；3, ，2, 、1, 0 in one item. */
export function rankBetween(a: Position, b: Position): number {
  if (a.group !== b.group) return SEPARATOR_RANK['；'];
  if (a.clause !== b.clause) return SEPARATOR_RANK['，'];
  if (a.item !== b.item) return SEPARATOR_RANK['、'];
  return 0;
}

/** The container a quantity stands in, and its index there. */
export function placeOf(containers: Container[], q: LabelledQuantity): { container: Container; index: number } | undefined {
  const container = containers[q.at.container];
  if (!container) return undefined;
  const index = container.elements.findIndex((x) => x.element.kind === 'quantity' && x.element.q.start === q.start);
  return index < 0 ? undefined : { container, index };
}
