// Names of units and documents as the genre writes them: one spelling for comparing, never a fuzzy match.
import { toHalfWidth } from './numbers.js';

/** Full-width forms of the brackets and punctuation a unit's name may hold, mapped to one form each. */
const BRACKETS: Readonly<Record<string, string>> = {
  '（': '(', '）': ')', '［': '[', '］': ']', '【': '[', '】': ']', '〔': '[', '〕': ']', '｛': '{', '｝': '}',
};

/** What a form prints beside the name for the seal: 单位名称（盖章）, （公章）. Not part of the name. */
const SEAL_NOTE = /\((?:盖章|公章|签章|章)\)/g;

/** Quotes and the colon a label leaves before or after a name: “某某局”, 单位：某某局. */
const EDGE_MARKS = /^[\s"'“”‘’「」『』:：]+|[\s"'“”‘’「」『』:：。，,；;]+$/g;

/**
 * The one spelling of a unit's name for grouping: no spaces, half-width brackets, digits and letters, no seal note or
 * edge quotes. 本级 and every other word stay: 某局本级 (the department alone) and 某局 (with its subordinate units) are
 * two names. Exact after this, never similar.
 */
export function normalizeName(name: string): string {
  const half = [...toHalfWidth(name)].map((ch) => {
    if (BRACKETS[ch]) return BRACKETS[ch];
    const code = ch.charCodeAt(0);
    // full-width ASCII letters (Ａ–Ｚ, ａ–ｚ) as the ASCII ones
    return code >= 0xff21 && code <= 0xff5a ? String.fromCharCode(code - 0xfee0) : ch;
  }).join('');
  return half.replace(/\s+/g, '').replace(SEAL_NOTE, '').replace(EDGE_MARKS, '');
}

