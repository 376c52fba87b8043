// Build a docx at test time: a bundled sample's package with its body replaced by the given paragraphs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const PACKAGE = join(import.meta.dirname, '..', '..', 'fixtures', '001-quanfang-2023.docx');

export function buildDocx(path: string, paragraphs: readonly string[]): string {
  const zip = unzipSync(readFileSync(PACKAGE));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`).join('');
  zip['word/document.xml'] = strToU8(strFromU8(zip['word/document.xml']!).replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${body}</w:body>`));
  writeFileSync(path, zipSync(zip));
  return path;
}
