// Change text in a docx at test time: the n-th occurrence of a string in word/document.xml, written to a new file.
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';

export function mutateDocxTo(source: string, target: string, from: string, to: string, nth = 0): string {
  const zip = unzipSync(readFileSync(source));
  const xml = strFromU8(zip['word/document.xml']);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = xml.indexOf(from, at + 1);
    if (at < 0) throw new Error(`${from} occurs fewer than ${nth + 1} times in ${source}`);
  }
  zip['word/document.xml'] = strToU8(xml.slice(0, at) + to + xml.slice(at + from.length));
  writeFileSync(target, zipSync(zip));
  return target;
}
