// Words that open a list of parts of the amount before them (其中, 含, 包含), and a row label's 其中 lead.
import { alternation } from './words.js';

/** TOTAL，其中 A、B / TOTAL（含 A、B） / TOTAL，包含 A、B: the words that open a whole's parts. */
export const OF_WHICH_WORDS = ['其中', '包含', '含'] as const;
/** The word a list of parts opens with in a row label or at the end of a paragraph (其中：). */
export const OF_WHICH = '其中';
/** The regex source of a word that opens a list of parts. */
export const OF_WHICH_WORD = alternation(OF_WHICH_WORDS);

const OF_WHICH_LEAD = new RegExp(`^\\s*${OF_WHICH}\\s*[:：]?\\s*`);

/** 其中：本年财政拨款 → the label without its 其中 lead, and whether it had one. */
export function stripOfWhich(label: string): { label: string; ofWhich: boolean } {
  const m = OF_WHICH_LEAD.exec(label);
  return m ? { label: label.slice(m[0].length), ofWhich: true } : { label, ofWhich: false };
}
