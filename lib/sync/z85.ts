/**
 * Bytes as text for storage.sync, which stores JSON: Z85 (ZeroMQ's base-85), 5 characters per 4 bytes, none of
 * which JSON escapes ('"' and '\' are not in the alphabet), so a byte costs 1.25 bytes of quota (base64: 1.33).
 * The first character says how many padding bytes the last group carries. Pure.
 */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function encodeZ85(bytes: Uint8Array): string {
  const pad = (4 - (bytes.length % 4)) % 4;
  const out: string[] = [String(pad)];
  const chars = new Array<string>(5);
  for (let i = 0; i < bytes.length; i += 4) {
    let n = ((bytes[i]! << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)) >>> 0;
    for (let k = 4; k >= 0; k--) {
      chars[k] = ALPHABET[n % 85]!;
      n = Math.floor(n / 85);
    }
    out.push(chars.join(''));
  }
  return out.join('');
}

export function decodeZ85(text: string): Uint8Array {
  const pad = text.charCodeAt(0) - 48;
  const body = text.length - 1;
  if (!(pad >= 0 && pad <= 3) || body % 5 !== 0) throw new Error('not Z85 text');
  const out = new Uint8Array((body / 5) * 4);
  for (let i = 1, o = 0; i < text.length; i += 5, o += 4) {
    let n = 0;
    for (let k = 0; k < 5; k++) {
      const c = text.charCodeAt(i + k);
      const d = c < 128 ? DECODE[c]! : -1;
      if (d < 0) throw new Error('not Z85 text');
      n = n * 85 + d;
    }
    if (n > 0xffffffff) throw new Error('not Z85 text');
    out[o] = n >>> 24;
    out[o + 1] = (n >>> 16) & 255;
    out[o + 2] = (n >>> 8) & 255;
    out[o + 3] = n & 255;
  }
  if (pad > out.length) throw new Error('not Z85 text');
  return out.subarray(0, out.length - pad);
}
