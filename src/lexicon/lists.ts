// Words that open a list of parts of the amount before them (其中, 含, 包含), and a row label's 其中 lead.
import { alternation } from './words.js';

/** TOTAL，其中 A、B / TOTAL（含 A、B） / TOTAL，包含 A、B: the words that open a whole's parts. */
export const OF_WHICH_WORDS = ['其中', '包括', '包含', '含'] as const;
/**
 * The words that open the parts of a part inside a list (60人，其中在职40人，包括行政15人、事业25人；退休20人): not 含,
 * which also stands inside words (含义, 含量) where an aside's brackets do not guard it.
 */
export const NESTED_OF_WHICH_WORDS = ['其中', '包括'] as const;
/** The word a list of parts opens with in a row label or at the end of a paragraph (其中：). */
export const OF_WHICH = '其中';
/** The regex source of a word that opens a list of parts. */
export const OF_WHICH_WORD = alternation(OF_WHICH_WORDS);
/** The regex source of a word that opens a nested list of parts. */
export const NESTED_OF_WHICH_WORD = alternation(NESTED_OF_WHICH_WORDS);

const OF_WHICH_LEAD = new RegExp(`^\\s*${OF_WHICH}\\s*[:：]?\\s*`);

/** 其中：本年财政拨款 → the label without its 其中 lead, and whether it had one. */
export function stripOfWhich(label: string): { label: string; ofWhich: boolean } {
  const m = OF_WHICH_LEAD.exec(label);
  return m ? { label: label.slice(m[0].length), ofWhich: true } : { label, ofWhich: false };
}

/** 含 that is part of a word, not a marker: 含义, 含量, 含糊 (包含 is a marker of its own). */
const NOT_A_MARKER_AFTER_HAN = '义量糊蓄金';
const MARKER = new RegExp(OF_WHICH_WORD, 'g');
/**
 * 支出1000万元，主要用于以下方面：A支出600万元，占60%；B支出400万元，占40% — the departmental final accounts' wording
 * for what a total went on — and 资金1500万元，具体如下：1.…500万元；2.…: they open the total's parts as 其中 does.
 */
export const PURPOSE_LIST_WORD = '(?:主要)?用于(?:以下|如下)(?:几个)?方面[：:]?|(?:具体|明细|构成|分项)(?:情况)?(?:如下|是|为)[：:]';
const PURPOSE_LIST = new RegExp(PURPOSE_LIST_WORD, 'g');

/** The list markers of a text (其中, 包括, 包含, 含 in context), in order, each with its offsets. */
export function listMarkers(text: string): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(MARKER)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (m[0] === '含' && NOT_A_MARKER_AFTER_HAN.includes(text[end] ?? '')) continue;
    out.push({ word: m[0], start, end });
  }
  // only with its list after it in the same text: at the end of a paragraph, the numbered paragraphs after it are read
  // as the items of a 如下： (of-which, change)
  for (const m of text.matchAll(PURPOSE_LIST)) {
    const end = m.index! + m[0].length;
    if (text.slice(end).trim()) out.push({ word: m[0], start: m.index!, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Words that open the reasons for a change (…增长35%，原因是：1、…；2、本年增加专项资金预算300万元): the amounts after
 * them explain a figure, they are neither its parts nor a whole a list after them belongs to.
 */
export const REASON_WORDS = ['原因是', '原因为', '主要原因', '主要是由于', '主要是因为', '是由于', '主要用于'] as const;
/** The regex of a reason word. */
export const REASON_WORD = new RegExp(alternation(REASON_WORDS).replace('主要用于', '主要用于(?!以下|如下)'));

/** Words of a cut made to an amount (调减40万元, 压减, 核减): an operand subtracted from it, never one of its parts. */
export const REDUCTION_WORDS = ['调减', '压减', '核减', '扣减', '收回'] as const;

/** 剩余的清算资金80万元: the rest of a whole, after the parts named before it — with them, all of it. */
export const REMAINDER_WORDS = ['剩余', '其余', '余下'] as const;
export const REMAINDER_WORD = new RegExp(alternation(REMAINDER_WORDS));

/** Adjustments that lower an amount (调减40万元) and that raise it (追加20万元): operands of what it became. */
export const ADJUSTMENT_DOWN_WORDS = ['调减', '压减', '核减', '扣减', '收回'] as const;
export const ADJUSTMENT_UP_WORDS = ['调增', '追加', '增拨', '补拨'] as const;

/**
 * A level of a hierarchy (一级指标, 二级科目, 一级项目): 一级指标3个，二级指标9个，三级指标12个 count one tree at each
 * level, so the levels are no parts of its count.
 */
export const HIERARCHY_LEVEL = /[一二三四五]级(?:绩效)?(?:指标|科目|项目)/;
