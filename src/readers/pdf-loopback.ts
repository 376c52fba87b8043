// pdf.js' in-thread message port with a cheaper copy: the structured clone of plain data, written in JavaScript.

/**
 * pdf.js runs both its halves in this thread and passes every message between them through a `LoopbackPort`, which
 * copies each message with the global `structuredClone` as a real worker's port would. On Node 20 that function posts
 * the message through a MessageChannel and reads it back (serialise, queue, deserialise): ~20 µs for the smallest
 * message, and a page's text arrives as hundreds of small stream messages (a chunk, a pull, a pull done). Copying in
 * JavaScript gives the same data for what pdf.js posts (plain objects, arrays, typed arrays, its Glyph objects) at a
 * fraction of the cost. Anything else — a transfer list, an Error, a Map, a function — goes to `structuredClone` as
 * before, for the whole message, so its result and its errors are structuredClone's own.
 */

/** The real one, kept before any port swaps the global. */
const realClone = globalThis.structuredClone;

/** Thrown inside the copy when a value is not plain data; the message then goes to structuredClone. */
const NOT_PLAIN = Symbol('not plain data');

/** Typed-array constructors by their toStringTag: a copy is of the base type, as structured clone makes it. */
const VIEWS: Record<string, new (buffer: ArrayBuffer, byteOffset: number, length: number) => ArrayBufferView> = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array,
  BigInt64Array, BigUint64Array,
};

/** Prototypes of the built-in objects structured clone treats specially (or refuses): never copied field by field. */
const SPECIAL = new Set<object>([Date, RegExp, Map, Set, WeakMap, WeakSet, WeakRef, Error, Promise, Boolean, Number, String, BigInt, Symbol,
  ArrayBuffer, SharedArrayBuffer, DataView, FinalizationRegistry].map((c) => c.prototype as object));

function copyBuffer(buffer: ArrayBufferLike, seen: Map<object, unknown>): ArrayBuffer {
  const known = seen.get(buffer);
  if (known) return known as ArrayBuffer;
  // shared memory is shared, not copied, and a resizable buffer keeps its maximum: left to structuredClone
  if (!(buffer instanceof ArrayBuffer) || (buffer as { resizable?: boolean }).resizable) throw NOT_PLAIN;
  // a detached buffer (length 0, and no view can be made on it) is a DataCloneError in structuredClone
  if (buffer.byteLength === 0) { try { new Uint8Array(buffer); } catch { throw NOT_PLAIN; } }
  const copy = buffer.slice(0);
  seen.set(buffer, copy);
  return copy;
}

/** A primitive as it is; a function or symbol is not data (structuredClone throws on it). */
function primitive(v: unknown): unknown {
  if (typeof v === 'function' || typeof v === 'symbol') throw NOT_PLAIN;
  return v;
}

/** A copy of `value` as structured clone makes it (own enumerable string keys, shared references kept), or throws NOT_PLAIN. */
function copy(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return primitive(value);
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    // filled in order, so a dense array stays a packed one; holes stay holes
    const out: unknown[] = [];
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) out[i] = copy(v, seen);
      else if (v === undefined && !(i in value)) out.length = i + 1;
      else out[i] = primitive(v);
    }
    return out;
  }
  if (ArrayBuffer.isView(value)) {
    // the whole buffer is copied, as structured clone does, and views of one buffer stay views of one copy
    const buffer = copyBuffer(value.buffer, seen);
    let out: ArrayBufferView;
    if (value instanceof DataView) out = new DataView(buffer, value.byteOffset, value.byteLength);
    else {
      const View = VIEWS[(value as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag]];
      if (!View) throw NOT_PLAIN;
      out = new View(buffer, value.byteOffset, (value as unknown as { length: number }).length);
    }
    seen.set(value, out);
    return out;
  }
  if (value instanceof ArrayBuffer) return copyBuffer(value, seen);
  const proto = Object.getPrototypeOf(value) as object | null;
  // plain objects, and instances of a plain class (pdf.js' Glyph): structured clone keeps their own fields, not the class
  if (proto !== null && proto !== Object.prototype && (SPECIAL.has(proto) || Object.getPrototypeOf(proto) !== Object.prototype)) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    out[key] = typeof v === 'object' && v !== null ? copy(v, seen) : primitive(v);
  }
  return out;
}

/** pdf.js' stream message kind for a chunk of a stream (StreamKind.ENQUEUE in its message handler). */
const ENQUEUE = 4;

/**
 * A page's text and operator list arrive as stream chunks, most of what crosses between the halves, and most of
 * the copying: deep copies of every text item and of every glyph a show-text operator names. A copy protects the
 * receiver from what the sender does next, and for these chunks that is known: pdf.js' text sender replaces its
 * chunk's `items` and `styles` with new ones after posting (it never touches an item again), and its operator-list
 * sender empties `fnArray` and `argsArray` in place (each operator's own arguments are never touched again; the path
 * buffers it lists for transfer are given up, which is what a transfer means). So those chunks need a fresh envelope
 * and fresh top-level arrays, not fresh items. `undefined` for any other message.
 */
function copyStreamChunk(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as { stream?: unknown; chunk?: unknown };
  if (message.stream !== ENQUEUE || typeof message.chunk !== 'object' || message.chunk === null) return undefined;
  const chunk = message.chunk as Record<string, unknown>;
  if (Object.getPrototypeOf(chunk) !== Object.prototype) return undefined;
  if (Array.isArray(chunk.items) && typeof chunk.styles === 'object' && chunk.styles !== null && !('fnArray' in chunk)) {
    return { ...message, chunk: { ...chunk, styles: { ...chunk.styles } } };
  }
  if (Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray) && !('items' in chunk)) {
    return { ...message, chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
  }
  return undefined;
}

/** structuredClone for what pdf.js posts between its halves; the real one for a transfer list or anything not plain data. */
export function cloneMessage(value: unknown, options?: StructuredSerializeOptions | null): unknown {
  const chunk = copyStreamChunk(value);
  if (chunk !== undefined) return chunk;
  if (options?.transfer?.length) return realClone(value, options);
  try {
    return copy(value, new Map());
  } catch (err) {
    if (err !== NOT_PLAIN && !(err instanceof RangeError)) throw err;
    return realClone(value, options ?? undefined);
  }
}

interface Port { postMessage(message: unknown, transfer?: Transferable[]): void }

/**
 * Makes the in-thread port of a loaded pdf.js document copy its messages with `cloneMessage`. pdf.js' port calls the
 * global `structuredClone`; it is swapped only while that port posts (synchronously), so nothing else in the thread
 * sees it. A document whose port is not found (another pdf.js, a real worker) is left as it is.
 */
export function useCheapClone(doc: unknown): void {
  const port = (doc as { _transport?: { messageHandler?: { comObj?: Port } } })._transport?.messageHandler?.comObj;
  if (!port || port.constructor?.name !== 'LoopbackPort' || typeof port.postMessage !== 'function') return;
  const post = port.postMessage;
  port.postMessage = function postMessage(this: Port, message: unknown, transfer?: Transferable[]) {
    const global = globalThis as { structuredClone: typeof structuredClone };
    const real = global.structuredClone;
    global.structuredClone = cloneMessage as typeof structuredClone;
    try {
      post.call(this, message, transfer);
    } finally {
      global.structuredClone = real;
    }
  };
}
