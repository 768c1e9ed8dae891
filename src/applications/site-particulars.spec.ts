import { domainProblem, isVnDomain, mergeParticulars, normalizeSite, siteErrors } from './site-particulars';

const full = () => ({
  name: 'Tin tức Sông Lam',
  domains: ['songlam.vn', 'songlam.com'],
  contentScope: 'Tổng hợp tin tức kinh tế, xã hội của tỉnh Nghệ An',
  informationSources: ['baonghean.vn'],
  serverLocation: 'Viettel IDC, Hà Nội',
  contentManager: { fullName: 'Nguyễn Văn An', position: 'Tổng biên tập', phone: '0912345678', email: 'an@songlam.vn' },
});

describe('domainProblem', () => {
  it.each([
    'songlam.vn',
    'tin-tuc.com.vn',
    'a.b.c.org.vn',
    'SONGLAM.VN',
    'sông-lam.vn',
    'tintức.vn',
    'xn--tintc-yva.vn',
  ])('accepts %s', (d) => expect(domainProblem(d)).toBeNull());
  it.each([
    '',
    'vn',
    'http://songlam.vn',
    'songlam.vn/path',
    'songlam.vn:8080',
    '*.songlam.vn',
    '-songlam.vn',
    'songlam-.vn',
    'song_lam.vn',
    'song lam.vn',
    'songlam.vn.',
    'songlam..vn',
    `${'a'.repeat(64)}.vn`,
    'songlam.123',
  ])('refuses %j', (d) => expect(domainProblem(d)).not.toBeNull());
});

describe('isVnDomain', () => {
  it('recognizes .vn and second-level .vn names, IDN included', () => {
    expect(isVnDomain('songlam.vn')).toBe(true);
    expect(isVnDomain('songlam.com.vn')).toBe(true);
    expect(isVnDomain('tintức.vn')).toBe(true);
    expect(isVnDomain('songlam.com')).toBe(false);
    expect(isVnDomain('vn.songlam.com')).toBe(false);
  });
});

describe('siteErrors', () => {
  it('accepts complete particulars', () => {
    expect(siteErrors(full(), 'full')).toEqual([]);
  });

  it('names every missing particular of a full site', () => {
    const fields = siteErrors({}, 'full').map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'site.name',
        'site.domains',
        'site.contentScope',
        'site.informationSources',
        'site.serverLocation',
        'site.contentManager',
      ]),
    );
  });

  it('needs a .vn domain among the domains', () => {
    const errors = siteErrors({ ...full(), domains: ['songlam.com', 'songlam.net'] }, 'full');
    expect(errors).toEqual([{ field: 'site.domains', message: 'at least one domain must be a .vn domain' }]);
  });

  it('points at the bad domain and at duplicates', () => {
    const errors = siteErrors({ ...full(), domains: ['songlam.vn', 'bad_domain.vn', 'SongLam.vn'] }, 'full');
    expect(errors.map((e) => e.field)).toEqual(['site.domains[1]', 'site.domains[2]']);
  });

  it('checks the content manager member by member', () => {
    const site = { ...full(), contentManager: { fullName: ' ', position: 'x', phone: '1', email: 'a@b.vn' } };
    expect(siteErrors(site, 'full')).toEqual([
      { field: 'site.contentManager.fullName', message: 'fullName is required' },
    ]);
  });

  it('checks only what a partial site names, but needs something', () => {
    expect(siteErrors({ serverLocation: 'FPT, TP HCM' }, 'partial')).toEqual([]);
    expect(siteErrors({ domains: ['songlam.com'] }, 'partial').map((e) => e.field)).toEqual(['site.domains']);
    expect(siteErrors({}, 'partial').map((e) => e.field)).toEqual(['site']);
  });
});

describe('normalizeSite and mergeParticulars', () => {
  it('lower-cases domains, keeping Unicode, and trims', () => {
    const s = normalizeSite({ ...full(), name: '  Tin tức ', domains: [' TinTức.VN '] });
    expect(s.name).toBe('Tin tức');
    expect(s.domains).toEqual(['tintức.vn']);
  });

  it('lays the amendment over the current particulars', () => {
    const merged = mergeParticulars(full(), { serverLocation: 'FPT', contentManager: { phone: '0999' } });
    expect(merged.serverLocation).toBe('FPT');
    expect(merged.domains).toEqual(full().domains);
    expect(merged.contentManager).toEqual({ ...full().contentManager, phone: '0999' });
  });
});
