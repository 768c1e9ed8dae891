import type { PublicLicense, Verification } from '../../registry/registry.service';
import { bandOf, signatureText, verificationPage } from './verification.view';

const license: PublicLicense = {
  id: '6f1c1c7e-8d8e-4c1a-9a55-3b1f2d1e0a01',
  number: '12/GP-STTTT',
  organizationName: 'Công ty Cổ phần Truyền thông Sông Lam',
  headOffice: '12 Lê Lợi, Vinh, Nghệ An',
  siteName: 'Xứ Nghệ Online',
  domains: ['xunghe.vn'],
  status: 'ACTIVE',
  issuedOn: '2026-03-05',
  expiresOn: '2036-03-04',
  edition: 2,
  authority: { code: 'NA', name: 'Sở Thông tin và Truyền thông', province: 'Nghệ An' },
};

describe('public pages: the verification band', () => {
  it('is green ✓ only for a license in force', () => {
    expect(bandOf({ valid: true, ...license, signature: null })).toMatchObject({
      kind: 'valid',
      icon: '✓',
      headline: 'GIẤY PHÉP CÒN HIỆU LỰC',
      detail: 'Đến hết ngày 04/03/2036',
    });
  });

  it.each([
    ['SUSPENDED', 'GIẤY PHÉP ĐANG BỊ ĐÌNH CHỈ', 'Đến hết ngày 30/06/2026'],
    ['REVOKED', 'GIẤY PHÉP ĐÃ BỊ THU HỒI', undefined],
    ['EXPIRED', 'GIẤY PHÉP ĐÃ HẾT HẠN', 'Hết hạn ngày 04/03/2036'],
    ['TERMINATED', 'GIẤY PHÉP ĐÃ CHẤM DỨT HIỆU LỰC', undefined],
  ] as const)('is red ✗ for %s', (status, headline, detail) => {
    const v: Verification = {
      valid: false,
      ...license,
      signature: null,
      status,
      ...(status === 'SUSPENDED' ? { suspendedUntil: '2026-06-30' } : {}),
    };
    expect(bandOf(v)).toEqual({ kind: 'invalid', icon: '✗', headline, detail });
  });

  it('says NOT FOUND for a wrong code, and shows nothing else of any license', () => {
    const page = verificationPage({ valid: false }, new Date('2026-04-01T03:00:00Z'), 'Asia/Ho_Chi_Minh');
    expect(page).toContain('KHÔNG TÌM THẤY GIẤY PHÉP');
    expect(page).toContain('band-unknown');
    expect(page).toContain('10:00 ngày 01/04/2026');
    expect(page).not.toContain('/registry/');
  });
});

describe('public pages: the signature line', () => {
  const base = {
    valid: true,
    signer: null,
    signedAt: null,
    development: false,
    format: 'PAdES-B-B',
    version: 1,
    sha256: 'ab',
    matchesRecordedDigest: true,
  };
  const signer = { commonName: 'Sở Văn hóa, Thể thao và Du lịch Nghệ An' } as never;

  it('names the signer of a valid signature, and says when the certificate is a development one', () => {
    expect(signatureText({ ...base, status: 'VALID', signer })).toBe(
      'Hợp lệ, ký bởi Sở Văn hóa, Thể thao và Du lịch Nghệ An',
    );
    expect(signatureText({ ...base, status: 'VALID', signer, development: true })).toContain('thử nghiệm');
  });

  it('says plainly when the document was changed, signed by another certificate, or never signed', () => {
    expect(signatureText({ ...base, valid: false, status: 'INVALID' })).toContain('Không hợp lệ');
    expect(signatureText({ ...base, valid: false, status: 'SIGNER_MISMATCH' })).toContain('Không khớp');
    expect(signatureText({ ...base, valid: false, status: 'UNSIGNED' })).toContain('Không có');
  });
});
