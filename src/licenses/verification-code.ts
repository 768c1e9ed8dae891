import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';

/**
 * A verification code that cannot be guessed: 128 random bits written in 26 characters of an unambiguous base-32
 * alphabet (no I, L, O, U), printed under the QR code and typed by hand if need be.
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(17); // 136 bits; 26 characters carry 130 of them
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}
