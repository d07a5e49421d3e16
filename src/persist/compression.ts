/**
 * deflate-raw through the browser's CompressionStream / DecompressionStream (Node ≥ 18 has
 * them too). Decompression counts bytes as they arrive and stops at `maxBytes`, so a small
 * link that inflates to gigabytes (a "deflate bomb") is refused without being expanded.
 */
import { PersistError, reasonOf } from './errors.js';
import { formatBytes } from './limits.js';

const FORMAT = 'deflate-raw';

function requireStreams(what: 'CompressionStream' | 'DecompressionStream'): void {
  if (typeof globalThis[what] !== 'function') {
    throw new PersistError('unavailable', `this browser cannot ${what === 'CompressionStream' ? 'create' : 'open'} share links (${what} is missing); export or import a .json file instead`);
  }
}

type Bytes = Uint8Array<ArrayBuffer>;

async function pump(stream: ReadableWritablePair<Uint8Array, BufferSource>, input: Bytes, maxBytes: number): Promise<Bytes> {
  const writer = stream.writable.getWriter();
  // The writer's promises reject too when the data is bad; the reader reports it, so these are muted.
  writer.write(input).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PersistError('too_large', `expands to more than ${formatBytes(maxBytes)} (the limit for a workbook)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export async function deflateRaw(input: Bytes): Promise<Bytes> {
  requireStreams('CompressionStream');
  return pump(new CompressionStream(FORMAT), input, Number.POSITIVE_INFINITY);
}

/** Inflates at most `maxBytes`; throws PersistError('corrupt') for data that is not deflate-raw. */
export async function inflateRaw(input: Bytes, maxBytes: number): Promise<Bytes> {
  requireStreams('DecompressionStream');
  try {
    return await pump(new DecompressionStream(FORMAT), input, maxBytes);
  } catch (e) {
    if (e instanceof PersistError) throw e;
    throw new PersistError('corrupt', `is not compressed workbook data (${reasonOf(e)})`, { cause: e });
  }
}
