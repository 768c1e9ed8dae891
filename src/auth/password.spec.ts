import { hashPassword, passwordWeakness, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const h = await hashPassword('Mat-khau-manh-2026', 1024);
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword('Mat-khau-manh-2026', h)).resolves.toBe(true);
    await expect(verifyPassword('Mat-khau-manh-2027', h)).resolves.toBe(false);
    await expect(verifyPassword('x', 'not-a-hash')).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('Mat-khau-manh-2026', 1024)).not.toBe(await hashPassword('Mat-khau-manh-2026', 1024));
  });

  it.each([
    ['short1!', /at least 10/],
    ['password123', /commonly used/],
    ['aaaaaaaaaaaa', /5 different/],
    ['0123456789', /commonly used|consecutive/],
    ['lmnopqrstu', /consecutive/],
    ['x'.repeat(129), /at most 128/],
  ])('refuses %s', (pw, why) => {
    expect(passwordWeakness(pw)).toMatch(why);
  });

  it('refuses a password containing the e-mail name, and accepts a decent one', () => {
    expect(passwordWeakness('tranthibinh-2026', 'tranthibinh@example.vn')).toMatch(/e-mail/);
    expect(passwordWeakness('Sông Lam chảy mãi 2026')).toBeNull();
  });
});
