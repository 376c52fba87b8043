// Cuts styles.xml down to what mammoth reads from it, because mammoth builds a full DOM of the part (often 350 KB of
// fonts, table looks and latent styles) for a few attributes: each style's type, id and name, a numbering style's numId.

const STYLE = /<w:style\b[^>]*\/>|<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;
const STYLE_START = /^<w:style\b[^>]*>/;
const NAME = /<w:name\b[^>]*\/>|<w:name\b[^>]*>[^<]*<\/w:name>/;
const NUMBERING_TYPE = /\sw:type\s*=\s*(["'])numbering\1/;
const PROLOG = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?/;

/**
 * The styles part as mammoth would read it, smaller: the root start tag as written, then every `w:style` in order,
 * each reduced to its start tag and its `w:name` (numbering styles whole). Returns undefined, meaning "use the part
 * as it is", for anything but the plain shape Word and WPS write: a `w:styles` root that alone declares namespaces,
 * no comments, CDATA or DOCTYPE that could hide markup from these patterns, no markup-compatibility blocks, no
 * nested styles, and names that are plain text.
 */
export function trimStyles(xml: string): string | undefined {
  const prolog = PROLOG.exec(xml)?.[0] ?? '';
  const root = /^<w:styles\b[^>]*>/.exec(xml.slice(prolog.length))?.[0];
  if (!root || root.endsWith('/>')) return undefined;
  const end = xml.lastIndexOf('</w:styles>');
  if (end < 0 || xml.slice(end + '</w:styles>'.length).trim() !== '') return undefined;
  const body = xml.slice(prolog.length + root.length, end);
  if (/<!--|<!\[CDATA\[|<!DOCTYPE|xmlns[:=\s]|AlternateContent/.test(body)) return undefined;
  // w: must mean one namespace and no other prefix may mean it too, or the `w:` patterns would miss elements.
  const declared = [...root.matchAll(/\sxmlns:([\w.-]+)\s*=\s*(["'])(.*?)\2/g)];
  const w = declared.find((d) => d[1] === 'w')?.[3];
  if (w === undefined || declared.some((d) => d[1] !== 'w' && d[3] === w)) return undefined;

  const out: string[] = [xml.slice(0, prolog.length), root];
  let covered = 0;
  for (const m of body.matchAll(STYLE)) {
    const element = m[0];
    // text between styles must hold no style the pattern failed to take whole (an unclosed or odd one)
    if (/<w:style\b/.test(body.slice(covered, m.index))) return undefined;
    covered = m.index + element.length;
    if (/<w:style\b/.test(element.slice(1))) return undefined;
    const start = STYLE_START.exec(element)?.[0] ?? element;
    if (start.endsWith('/>') || NUMBERING_TYPE.test(start)) { out.push(element); continue; }
    const name = NAME.exec(element)?.[0];
    if (name === undefined && /<w:name\b/.test(element)) return undefined;
    out.push(start, name ?? '', '</w:style>');
  }
  if (/<w:style\b/.test(body.slice(covered))) return undefined;
  out.push('</w:styles>');
  return out.join('');
}
