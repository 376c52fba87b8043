// The shape of a form profile: how a template family is recognised, which blocks it holds, what its columns mean and which arithmetic it implies.

/** A block a form holds; `form-unread` names the one that could not be read. */
export type BlockKind = 'budget' | 'indicators' | 'scores' | 'amounts';

/** What a column of a form block holds, named by its header (table-header.ts maps headers to these). */
export type Role =
  | 'level1' | 'level2' | 'name' | 'nature' | 'comparator' | 'unit' | 'target' | 'actual' | 'weight' | 'score'
  | 'deviation' | 'explanation' | 'remark' | 'initial' | 'annual' | 'executed' | 'rate';

/** What a column (or row) of an amount table holds: the base (预算, 上年), the outcome (决算, 本年), their change and its rate. */
export type AmountRole = 'base' | 'current' | 'change' | 'changeRate';

/**
 * Which columns a table part must have (by role) to be this block: all of `all`, at least one of each list in `some`,
 * none of `none`, and at least `atLeast.count` of `atLeast.of`.
 */
export interface RoleTest {
  all?: Role[];
  some?: Role[][];
  none?: Role[];
  atLeast?: { count: number; of: Role[] };
}

export interface FormBlock {
  kind: BlockKind;
  /** what the block is called in findings (`form-unread`) */
  name: string;
  /** the columns a table part under one header needs to be read as this block; amount tables are read by their rows */
  recognise?: RoleTest;
}

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
  /** the blocks the form holds, in the order a table part is tried against them; a recognised form missing one gets `form-unread` */
  blocks: FormBlock[];
  /**
   * header words → column role, matched on the header text without spaces or bracketed notes. The header reader
   * (table-header.ts) takes each role's words from every profile: this is their only source.
   */
  columns?: Partial<Record<Role, RegExp>>;
  /** header words of an amount table (预算数 | 决算数 | 增减额 | 增减率), from every profile alike */
  amountColumns?: Partial<Record<AmountRole, RegExp>>;
  /** row words → meaning: the total row and the items it adds up (“三公” tables), a deduction (scoring sheets) */
  rows?: { total?: RegExp; items?: RegExp[]; deduction?: RegExp };
  /** the arithmetic the form implies, in its own words: documentation for whoever reads or adds a profile */
  arithmetic: string[];
  /** sums the form's rows or columns imply, by their labels */
  decompositions?: Decomposition[];
  /** a note in the form stating its indicator scoring rule (得分=权重*B/A): the proportional rule then binds */
  statedRule?: RegExp;
}
