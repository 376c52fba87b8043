// A small XML tree for OFD parts, which are plain element trees: no DTD (xml-guard refuses one before this runs), no
// mixed content that matters, entities limited to the five predefined and numeric references.

export interface XmlElement {
  /** local name, namespace prefix dropped (ofd:TextCode → TextCode) */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e] ?? whole;
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** Parses an XML document into elements; comments, processing instructions and CDATA markers are skipped. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attr = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) { top.text += m[1]; continue; }
    if (m[6] !== undefined) { top.text += decodeEntities(m[6]); continue; }
    if (!m[3]) continue; // comment or processing instruction
    if (m[2] === '/') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const el: XmlElement = { name: localName(m[3]), attrs: {}, children: [], text: '' };
    for (let a = attr.exec(m[4] ?? ''); a; a = attr.exec(m[4] ?? '')) el.attrs[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
    attr.lastIndex = 0;
    top.children.push(el);
    if (m[5] !== '/') stack.push(el);
  }
  return root;
}

/** The first descendant (depth first) with this local name. */
export function find(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) {
    if (c.name === name) return c;
    const deeper = find(c, name);
    if (deeper) return deeper;
  }
  return undefined;
}

/** All descendants with this local name, in document order. */
export function findAll(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    findAll(c, name, out);
  }
  return out;
}
