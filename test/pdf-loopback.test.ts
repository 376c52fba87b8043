// The copy pdf.js' in-thread port makes of its messages: the same data as structuredClone, and used when reading a PDF.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { cloneMessage } from '../src/readers/pdf-loopback.js';
import { readPdf } from '../src/readers/pdf.js';

class Glyph {
  accent = null;
  constructor(public unicode: string, public width: number) {}
  get category() { return 'letter'; }
}

describe('cloneMessage', () => {
  const samples: Record<string, unknown> = {
    primitives: [1, -0, NaN, 'text', true, null, undefined, 10n],
    'a text chunk': { items: [{ str: '预算', dir: 'ltr', width: 24, height: 12, transform: [12, 0, 0, 12, 90, 700], fontName: 'g_d0_f1', hasEOL: false }], styles: Object.assign(Object.create(null), { g_d0_f1: { ascent: 0.88, vertical: false } }), lang: null },
    'an operator list with typed arrays': { fnArray: [91, 13, 44], argsArray: [null, [new Float32Array([1, 2, 3, 4])], ['x', 0]], lastChunk: true, length: 3 },
    'glyph objects (a class)': [[new Glyph('一', 1000), new Glyph('二', 500)]],
    'holes and undefined': [1, , 3, undefined], // eslint-disable-line no-sparse-arrays
    'nested empty': { a: {}, b: [], c: new Uint8Array(0) },
    'a buffer and a view of it': (() => { const b = new ArrayBuffer(8); return { b, v: new Int32Array(b, 4, 1), d: new DataView(b, 2, 2) }; })(),
    'trailing holes': [1, 2, , , ], // eslint-disable-line no-sparse-arrays
  };
  for (const [name, value] of Object.entries(samples)) {
    it(`copies ${name} as structuredClone does`, () => {
      const ours = cloneMessage(value);
      expect(ours).not.toBe(value);
      expect(ours).toStrictEqual(structuredClone(value));
    });
  }

  it('keeps holes, shared references and the buffer behind a view', () => {
    const buffer = new ArrayBuffer(16);
    const shared = { n: 1 };
    const value = { sparse: [1, , 3], twice: [shared, shared], a: new Uint8Array(buffer, 4, 4), b: new Uint16Array(buffer, 8, 2) }; // eslint-disable-line no-sparse-arrays
    const copy = cloneMessage(value) as typeof value;
    expect(1 in copy.sparse).toBe(false);
    expect(copy.sparse.length).toBe(3);
    expect(copy.twice[0]).toBe(copy.twice[1]);
    expect(copy.a.buffer).toBe(copy.b.buffer);
    expect(copy.a.buffer).not.toBe(buffer);
    expect([copy.a.byteOffset, copy.a.buffer.byteLength]).toEqual([4, 16]);
    const cyclic: Record<string, unknown> = { name: 'self' };
    cyclic.self = cyclic;
    const c = cloneMessage(cyclic) as Record<string, unknown>;
    expect(c.self).toBe(c);
  });

  it('drops the class but keeps own fields, as structuredClone does', () => {
    const copy = cloneMessage(new Glyph('一', 1000)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).toEqual({ accent: null, unicode: '一', width: 1000 });
  });

  it('leaves what is not plain data to structuredClone: the same copy, the same errors', () => {
    const value = { when: new Date(0), map: new Map([[1, 'a']]), error: new TypeError('bad'), set: new Set([1]) };
    expect(cloneMessage(value)).toStrictEqual(structuredClone(value));
    expect(() => cloneMessage({ f: () => 1 })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    expect(() => cloneMessage({ s: Symbol('x') })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
  });

  it('transfers what it is asked to transfer', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const copy = cloneMessage({ bytes }, { transfer: [bytes.buffer] }) as { bytes: Uint8Array };
    expect([...copy.bytes]).toEqual([1, 2, 3]);
    expect(bytes.byteLength).toBe(0);
  });

  // pdf.js' stream chunks (StreamKind.ENQUEUE = 4): what the sender does after posting is known, so only the arrays
  // it reuses are copied
  const envelope = { sourceName: 'worker', targetName: 'main', stream: 4, streamId: 7 };

  it('gives a text chunk a fresh envelope and item list, which the sender replacing its own leaves whole', () => {
    const item = { str: '预算', width: 24, transform: [12, 0, 0, 12, 90, 700], hasEOL: false };
    const textContent = { items: [item], styles: Object.assign(Object.create(null), { f1: { ascent: 0.88 } }), lang: null };
    const copy = cloneMessage({ ...envelope, chunk: textContent }) as { stream: number; chunk: typeof textContent };
    textContent.items = []; // what pdf.js does after posting a chunk
    textContent.styles = Object.create(null);
    expect(copy.stream).toBe(4);
    expect(copy.chunk).not.toBe(textContent);
    expect(copy.chunk.items).toEqual([item]);
    expect(copy.chunk.styles).toEqual({ f1: { ascent: 0.88 } });
  });

  it('copies an operator-list chunk\'s arrays before the sender empties them, and hands over the buffers it transfers', () => {
    const path = new Float32Array([1, 2, 3, 4]);
    const opList = { fnArray: [91, 13], argsArray: [[13, [path], null], null], lastChunk: false, separateAnnots: null, length: 2 };
    const copy = cloneMessage({ ...envelope, chunk: opList }, { transfer: [path.buffer] }) as { chunk: typeof opList };
    opList.fnArray.length = 0; // OperatorList.flush empties both in place
    opList.argsArray.length = 0;
    expect(copy.chunk.fnArray).toEqual([91, 13]);
    expect(copy.chunk.argsArray).toEqual([[13, [new Float32Array([1, 2, 3, 4])], null], null]);
  });

  it('copies any other stream message in full', () => {
    const other = { ...envelope, chunk: { items: 'not a list' } };
    expect(cloneMessage(other)).toStrictEqual(structuredClone(other));
    expect((cloneMessage(other) as typeof other).chunk).not.toBe(other.chunk);
  });
});

describe('reading a PDF', () => {
  it('copies the messages between pdf.js halves with cloneMessage, not the global structuredClone', async () => {
    const file = readFileSync('fixtures/004-baocheng-2024.pdf');
    await readPdf(file); // loads pdf.js first: only this file's messages are counted below
    const real = globalThis.structuredClone;
    let calls = 0;
    globalThis.structuredClone = ((v: unknown, o?: StructuredSerializeOptions) => { calls++; return real(v, o); }) as typeof structuredClone;
    try {
      const out = await readPdf(file);
      expect(out.pages).toBe(18);
    } finally {
      globalThis.structuredClone = real;
    }
    // opening the document (before the port is found) posts a handful; its 18 pages post hundreds more
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(40);
  });
});
