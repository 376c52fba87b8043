// The shape of a form profile: how a template family is recognised, which blocks it holds, what its columns mean and which arithmetic it implies.

/** A block a form holds; `form-unread` names the one that could not be read. */
export type BlockKind = 'budget' | 'indicators' | 'scores' | 'amounts';

/** total = Σ parts, by the rows' (or columns') labels: 公务用车购置及运行费 = 购置费 + 运行费. */
export interface Decomposition {
  /** what the relation is called in findings */
  name: string;
  total: RegExp;
  parts: RegExp[];
}

/** What one form family is, as data: adding a province's variant adds a profile, not code. */
export interface FormProfile {
  id: string;
  /** the form's kind as the workbook's 汇总 sheet shows it */
  kind: string;
  /** words of the form's title (a heading paragraph, a sheet name or a title cell) */
  title: RegExp;
  /** the blocks the form holds; a recognised form missing one gets `form-unread` naming it */
  blocks: Array<{ kind: BlockKind; name: string }>;
  /** header words → column meaning, beyond the shared ones of table-header.ts */
  columns?: Record<string, RegExp>;
  /** row words → meaning: the total row, its parts */
  rows?: Record<string, RegExp>;
  /** the arithmetic the form implies, in its own words (documentation and `jixiao rules`) */
  arithmetic: string[];
  /** sums the form's rows or columns imply, by their labels */
  decompositions?: Decomposition[];
  /** a note in the form stating its indicator scoring rule (得分=权重*B/A): the proportional rule then binds */
  statedRule?: RegExp;
}
