// Document references (文号) as the genre writes them: 某财社〔2021〕12号, 某财农【2022】8号, 财预[2020]3号.

/** The year and number of a document reference: 〔2021〕12号 (the issuer's abbreviation before it stays words). */
const DOCUMENT_NUMBER = /[〔【\[［]\s*(?:19|20)\d{2}\s*[〕】\]］]\s*第?\s*\d{1,4}\s*号/g;

/** Where a text writes a document's number: its digits are no amounts, and the brackets around it no aside. */
export function documentNumbers(text: string): Array<{ start: number; end: number; raw: string }> {
  return [...text.matchAll(DOCUMENT_NUMBER)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, raw: m[0] }));
}
