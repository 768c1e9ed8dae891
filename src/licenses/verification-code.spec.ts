import { newVerificationCode } from './verification-code';

describe('verification codes', () => {
  it('are 26 characters of an unambiguous alphabet, and never repeat', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = newVerificationCode();
      expect(c).toMatch(/^[A-HJKMNP-TV-Z0-9]{26}$/);
      codes.add(c);
    }
    expect(codes.size).toBe(2000);
  });
});
