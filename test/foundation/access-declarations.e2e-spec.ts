import { listRoutes } from '../support/routes';
import { startTestApp, TestApp } from '../support/test-app';

describe('deny by default: every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds the routes (the enumeration itself works)', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    expect(routes).toContainEqual(expect.objectContaining({ method: 'GET', path: '/api/v1/health', public: true }));
    expect(routes).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/v1/users', roles: ['admin'] }));
  });

  it('has no route without @Public() or @Roles(...)', () => {
    const undeclared = listRoutes(t.app).filter((r) => !r.public && !(r.roles && r.roles.length > 0));
    expect(undeclared.map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`)).toEqual([]);
  });

  it('has no route that is both public and role-restricted', () => {
    const both = listRoutes(t.app).filter((r) => r.public && r.roles);
    expect(both).toEqual([]);
  });

  it('opens to anonymous callers only what the contract lists', () => {
    const publicPaths = listRoutes(t.app)
      .filter((r) => r.public)
      .map((r) => r.path);
    const allowed = [
      /^\/api\/v1\/public\//,
      /^\/api\/v1\/health$/,
      // POST /auth/session is the browser's login (a cookie instead of a token); its GET and DELETE need a session.
      /^\/api\/v1\/auth\/(register|login|session)$/,
      // Account recovery and e-mail verification (issue 12): an e-mailed token is the credential.
      /^\/api\/v1\/auth\/(password\/forgot|password\/reset|email\/verify)$/,
      /^\/api\/v1\/requirements$/,
      /^\/api\/v1\/violation-types$/,
      // The legal figures in force (the contract's addition) and their history.
      /^\/api\/v1\/legal-parameters(\/:key)?$/,
      // The public pages: the registry and the QR code's verification page (the contract's additions), and their
      // stylesheet and icon.
      /^\/$/,
      /^\/registry(\/:licenseId)?$/,
      /^\/v\/:code$/,
      /^\/static\/:file$/,
    ];
    expect(publicPaths.filter((p) => !allowed.some((re) => re.test(p)))).toEqual([]);
  });
});
