/** Stable machine codes of the API's problems (`code` in problem+json). Clients code against these. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  UNKNOWN_EVENT = 'UNKNOWN_EVENT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  /** A cookie-authenticated unsafe request without the session's X-CSRF-Token. */
  CSRF_TOKEN_INVALID = 'CSRF_TOKEN_INVALID',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  CONFLICT = 'CONFLICT',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  IDEMPOTENCY_IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  BUSINESS_RULE_VIOLATED = 'BUSINESS_RULE_VIOLATED',
  MISSING_DOCUMENTS = 'MISSING_DOCUMENTS',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

export interface FieldError {
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  errors?: FieldError[];
  /** Extra members of the problem document (RFC 9457 extension members). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The one error type the domain throws. `status` is the HTTP status it maps to; the single exception filter
 * (ProblemDetailsFilter) turns it into problem+json.
 */
export class DomainError extends Error {
  readonly errors?: FieldError[];
  readonly extensions?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ErrorCode | string,
    readonly status: number,
    readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail);
    this.name = 'DomainError';
    this.errors = options.errors;
    this.extensions = options.extensions;
    this.headers = options.headers;
  }

  static validation(detail: string, errors?: FieldError[]): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, 400, detail, { errors });
  }
  static notFound(what = 'Resource'): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, 404, `${what} not found`);
  }
  static forbidden(detail = 'Your role may not do this'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, 403, detail);
  }
  static conflict(code: ErrorCode | string, detail: string, extensions?: Record<string, unknown>): DomainError {
    return new DomainError(code, 409, detail, { extensions });
  }
  /** 422: well-formed, but a business rule or guard fails. */
  static rule(code: ErrorCode | string, detail: string, options?: DomainErrorOptions): DomainError {
    return new DomainError(code, 422, detail, options);
  }
  static unauthenticated(detail = 'A valid bearer token is required'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, 401, detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
}
