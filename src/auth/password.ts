import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { DomainError, ErrorCode } from '../common/domain-error';

/**
 * Passwords are hashed with scrypt, a memory-hard function (N = cost, r = 8, p = 1: 32 MiB at N = 2^15).
 * Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking existing hashes.
 */
function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, 32, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost, 8, 1);
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'passw0rd',
  '1234567890',
  '0123456789',
  '12345678910',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'abcdefghij',
  'abc1234567',
  'iloveyou12',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'matkhau123',
  'matkhau1234',
  'admin12345',
  'admin123456',
  'welcome123',
  'letmein123',
  'zaq12wsxcde',
  'aaaaaaaaaa',
  'changeme123',
  'vietnam123',
  'hanoi12345',
  'saigon1234',
  '11111111111',
  'qwertyuiop1',
]);

/** Why a password is refused, or null. Length ≥ 10 and not trivially weak. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < 10) return 'must be at least 10 characters long';
  if (password.length > 128) return 'must be at most 128 characters long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is a commonly used password';
  if (new Set(lower).size < 5) return 'must contain at least 5 different characters';
  const isSequence = [...lower].every((c, i, a) => i === 0 || Math.abs(c.charCodeAt(0) - a[i - 1].charCodeAt(0)) === 1);
  if (isSequence) return 'must not be a run of consecutive characters';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'must not contain the e-mail address';
  return null;
}

export function assertStrongPassword(password: string, email?: string, field = 'password'): void {
  const why = passwordWeakness(password, email);
  if (why) {
    throw new DomainError(ErrorCode.WEAK_PASSWORD, 400, `The password ${why}`, {
      errors: [{ field, message: `password ${why}` }],
    });
  }
}
