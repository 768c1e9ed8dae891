import { normalizeDomain, normalizeDomains, sharedDomains } from './domains';

describe('domain matching of unlicensed sites', () => {
  it('compares domains case-blind, without www. or a trailing dot, IDNs in ASCII form', () => {
    expect(normalizeDomain(' WWW.Tin-Nhanh.VN. ')).toBe('tin-nhanh.vn');
    expect(normalizeDomain('xứnghệ.vn')).toBe(normalizeDomain('XỨNGHỆ.vn'));
    expect(normalizeDomain('xứnghệ.vn').startsWith('xn--')).toBe(true);
    expect(normalizeDomains(['a.vn', 'www.a.vn', 'b.vn'])).toEqual(['a.vn', 'b.vn']);
  });

  it('finds the domains two sites share', () => {
    expect(sharedDomains(['tin-nhanh.vn', 'tinnhanh.com'], ['www.tin-nhanh.vn'])).toEqual(['tin-nhanh.vn']);
    expect(sharedDomains(['a.vn'], ['b.vn'])).toEqual([]);
    // a sub-domain is another site
    expect(sharedDomains(['news.a.vn'], ['a.vn'])).toEqual([]);
  });
});
