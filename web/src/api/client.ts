import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './openapi';

/**
 * The typed API client (openapi-fetch over the generated `paths`). The browser authenticates with the httpOnly
 * session cookie; the CSRF token of the session, kept in memory only (never in storage), is added to every unsafe
 * request.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem answered by the API, kept whole so that forms can show its field errors. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  /** The dossier (or license) changed since the page read it. */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

function toProblem(status: number, body: unknown): ApiProblem {
  const b = (body ?? {}) as Partial<{ code: string; detail: string; title: string; errors: FieldError[] }>;
  return new ApiProblem(
    status,
    typeof b.code === 'string' ? b.code : `HTTP_${status}`,
    typeof b.detail === 'string' ? b.detail : (b.title ?? `HTTP ${status}`),
    Array.isArray(b.errors) ? b.errors : [],
  );
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiProblem. `T` names the response type where the OpenAPI
 * document does not describe it yet (see views.ts); once it does, the inferred type is used as it is.
 */
export async function read<T = never>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toProblem(response.status, error);
  return data as T;
}

/** The URL of a same-origin binary (a document, a PDF), opened by the browser with the session cookie. */
export function apiUrl(path: string): string {
  return `/api/v1${path}`;
}
