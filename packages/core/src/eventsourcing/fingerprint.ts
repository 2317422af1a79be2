import { canonicalJson } from './canonical-json.js';

/**
 * FNV-1a (64-bit) of the UTF-8 bytes of `text`, as 16 hex digits. A fingerprint for telling two
 * values apart when a caller reuses an id by mistake; it is not a cryptographic hash and must
 * not guard anything an adversary controls. Computed on four 16-bit limbs, so it needs neither
 * BigInt nor Node's crypto module and runs the same in browsers.
 */
export function fnv1a64(text: string): string {
  // The 64-bit offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const mix = (byte: number): void => {
    h0 ^= byte;
    // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40): limb 0 shifted by 40 bits lands in
    // limb 2 shifted by 8, limb 1 in limb 3 shifted by 8; higher limbs overflow away.
    let t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3 + (t0 >>> 16);
    t0 &= 0xffff;
    let t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    t1 &= 0xffff;
    const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
    t2 &= 0xffff;
    h0 = t0;
    h1 = t1;
    h2 = t2;
    h3 = t3 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) {
      mix(code);
    } else if (code < 0x800) {
      mix(0xc0 | (code >> 6));
      mix(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      // Unpaired surrogates are encoded as their code unit (WTF-8), so every string has a hash.
      mix(0xe0 | (code >> 12));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    } else {
      mix(0xf0 | (code >> 18));
      mix(0x80 | ((code >> 12) & 0x3f));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    }
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/**
 * The fingerprint of a command as the command handler records it: FNV-1a 64 of its canonical
 * JSON (keys sorted), prefixed with the algorithm so it can change without misreading old ones.
 * @throws TypeError when the command cannot be written as JSON (a BigInt, a cycle).
 */
export function commandFingerprint(command: unknown): string {
  return `fnv1a64:${fnv1a64(canonicalJson(command) ?? 'undefined')}`;
}
