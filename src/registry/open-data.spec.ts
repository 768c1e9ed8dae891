import { DomainError } from '../common/domain-error';
import { exportWriter, isNotModified } from './export-format';
import { decodeCursor, encodeCursor } from './feed-cursor';
import { CSV_HEADER, csvCell, csvRecord, publicView } from './public-license';
import type { RegistryRow } from '../licenses/licenses.repository';

const row: RegistryRow = {
  id: '7d0b6c2e-1111-4a4a-8888-000000000001',
  authorityId: '7d0b6c2e-1111-4a4a-8888-000000000002',
  number: '44/GP-STTTT',
  status: 'ACTIVE',
  issuedOn: '2026-03-05',
  expiresOn: '2036-03-04',
  organizationName: 'Công ty "Sông Lam"',
  headOffice: '12 Lê Lợi, Vinh',
  siteName: '+84 tin tức',
  domains: ['a.vn', 'b.vn'],
  authorityName: 'Sở Thông tin và Truyền thông',
  authorityCode: 'STTTT-NA',
  province: 'Nghệ An',
  verificationCode: 'SECRETCODE1234567890',
  suspendedUntil: null,
  edition: 2,
};

describe('feed cursor', () => {
  it('round-trips a position and is opaque (base64url)', () => {
    const c = encodeCursor({ txid: '18446744073709551615', seq: '42' });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual({ txid: '18446744073709551615', seq: '42' });
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['not base64url', '!!'],
    ['another form', Buffer.from('v2.1.1').toString('base64url')],
    ['a txid past 64 bits', Buffer.from('v1.18446744073709551616.1').toString('base64url')],
    ['a seq past bigint', Buffer.from('v1.1.9223372036854775808').toString('base64url')],
    ['too long', 'A'.repeat(81)],
  ])('refuses %s with a 400', (_what, raw) => {
    expect(() => decodeCursor(raw)).toThrow(DomainError);
    try {
      decodeCursor(raw);
    } catch (e) {
      expect((e as DomainError).status).toBe(400);
    }
  });
});

describe('CSV (RFC 4180)', () => {
  it('quotes only what needs it, doubles quotes, keeps line breaks inside quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('writes one CRLF-terminated record per license, no personal data, formula-like text neutralized', () => {
    const line = csvRecord(publicView(row));
    expect(line).toBe(
      '7d0b6c2e-1111-4a4a-8888-000000000001,44/GP-STTTT,"Công ty ""Sông Lam""","12 Lê Lợi, Vinh",\'+84 tin tức,' +
        'a.vn b.vn,ACTIVE,2026-03-05,2036-03-04,,2,STTTT-NA,Sở Thông tin và Truyền thông,Nghệ An\r\n',
    );
    expect(line).not.toContain('SECRETCODE');
    expect(CSV_HEADER.split(',')).toHaveLength(line.split(',').length - 1);
  });

  it('starts with a BOM and the header; JSON is one array; NDJSON one object a line', () => {
    const p = publicView(row);
    const csv = exportWriter('csv');
    expect(csv.start()).toBe('\uFEFF' + CSV_HEADER);
    const json = exportWriter('json');
    expect(JSON.parse(json.start() + json.row(p, true) + json.row(p, false) + json.end())).toEqual([p, p]);
    expect(JSON.parse(json.start() + json.end())).toEqual([]);
    const nd = exportWriter('ndjson');
    expect(nd.row(p, true)).toBe(JSON.stringify(p) + '\n');
  });
});

describe('conditional requests (RFC 9110 §13)', () => {
  const etag = '"registry-csv-3-9"';
  const at = new Date('2026-04-01T03:00:00.700Z');
  it('If-None-Match: a listed tag (weak or strong) or * → not modified; it wins over If-Modified-Since', () => {
    expect(isNotModified({ ifNoneMatch: etag }, etag, at)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"x", W/${etag}` }, etag, at)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, etag, at)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"x"', ifModifiedSince: at.toUTCString() }, etag, at)).toBe(false);
  });
  it('If-Modified-Since at one-second precision; garbage or no date → modified', () => {
    expect(isNotModified({ ifModifiedSince: at.toUTCString() }, etag, at)).toBe(true);
    expect(isNotModified({ ifModifiedSince: new Date(at.getTime() - 1000).toUTCString() }, etag, at)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'yesterday' }, etag, at)).toBe(false);
    expect(isNotModified({ ifModifiedSince: at.toUTCString() }, etag, null)).toBe(false);
    expect(isNotModified({}, etag, at)).toBe(false);
  });
});
