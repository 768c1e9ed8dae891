/**
 * The public pages' routes, registered outside the API's `/api/v1` prefix (app.factory.ts excludes them from the
 * global prefix; test/support/routes.ts reads the same list).
 */
export const PUBLIC_PAGE_ROUTES = ['/', 'registry', 'registry/:licenseId', 'v/:code', 'static/:file'] as const;
