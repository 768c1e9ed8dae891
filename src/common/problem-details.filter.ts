import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorCode, FieldError } from './domain-error';
import { buildProblem, ProblemDocument, sendProblem } from './problem-details';
import { allowedMethods } from './route-fallback';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: ErrorCode.BUSINESS_RULE_VIOLATED,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

interface Mapped {
  problem: ProblemDocument;
  headers?: Record<string, string>;
  /** Unexpected: log with the stack. */
  unexpected?: boolean;
}

/** What node-postgres' pool throws when no connection frees up within `connectionTimeoutMillis`. */
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/** Errors raised by body parsers and similar middleware (http-errors shape). */
interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/**
 * The one place where every error becomes an RFC 9457 problem document. Nothing else writes error bodies, so
 * every error a client sees has the same shape, and no stack trace ever leaves the server.
 */
export function toProblem(exception: unknown): Mapped {
  if (exception instanceof DomainError) {
    return {
      problem: buildProblem(exception.status, exception.code, exception.detail, {
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...(exception.extensions ?? {}),
      }),
      headers: exception.headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    let detail = exception.message;
    let errors: FieldError[] | undefined;
    if (typeof body === 'object' && body !== null) {
      const msg = (body as { message?: unknown }).message;
      if (Array.isArray(msg)) {
        errors = msg.map((m) => ({ field: '', message: String(m) }));
        detail = 'The request is invalid';
      } else if (typeof msg === 'string') detail = msg;
    }
    let code = HTTP_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED);
    // Nest answers an unmatched route with a NotFoundException "Cannot GET /x".
    if (status === 404 && /^Cannot [A-Z]+ /.test(detail)) code = ErrorCode.ROUTE_NOT_FOUND;
    if (status === 413) detail = 'The request body or file is larger than allowed';
    return {
      problem: buildProblem(status, code, detail, errors ? { errors } : {}),
      unexpected: status >= 500,
    };
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
    // Serialization failures and deadlocks are conflicts the client may retry.
    if (pgCode === '40001' || pgCode === '40P01' || pgCode === '55P03') {
      return {
        problem: buildProblem(409, ErrorCode.CONFLICT, 'A concurrent request changed the same data; retry'),
      };
    }
    if (pgCode === '23505') {
      return { problem: buildProblem(409, ErrorCode.ALREADY_EXISTS, 'A record with the same unique value exists') };
    }
  }
  // Every pooled connection stayed busy longer than the pool's wait (a burst queued behind a lock, an overloaded
  // database): the request was not run; a retry after a moment is the right answer, not a 500.
  if (exception instanceof Error && exception.message === POOL_TIMEOUT_MESSAGE) {
    return {
      problem: buildProblem(503, ErrorCode.SERVICE_UNAVAILABLE, 'The server is busy; retry in a moment'),
      headers: { 'Retry-After': '1' },
    };
  }
  const httpLike = exception as HttpLikeError | null;
  if (httpLike && typeof httpLike === 'object' && typeof httpLike.type === 'string') {
    const status = httpLike.status ?? httpLike.statusCode ?? 400;
    switch (httpLike.type) {
      case 'entity.parse.failed':
        return { problem: buildProblem(400, ErrorCode.MALFORMED_JSON, 'The request body is not valid JSON') };
      case 'entity.too.large':
        return { problem: buildProblem(413, ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is larger than allowed') };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return { problem: buildProblem(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Unsupported body encoding') };
      default:
        if (status >= 400 && status < 500) {
          return {
            problem: buildProblem(status, HTTP_CODES[status] ?? ErrorCode.VALIDATION_FAILED, 'The request is invalid'),
          };
        }
    }
  }
  return {
    problem: buildProblem(500, ErrorCode.INTERNAL_ERROR, 'An unexpected error occurred; it has been logged'),
    unexpected: true,
  };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    respondWithProblem(exception, req, res, this.logger);
  }
}

export function respondWithProblem(
  exception: unknown,
  req: Request,
  res: Response,
  logger: Pick<Logger, 'error'>,
): void {
  const mapped = toProblem(exception);
  if (mapped.problem.code === ErrorCode.ROUTE_NOT_FOUND) {
    // The path exists with other methods: 405 with Allow (RFC 9110 §15.5.6), not a 404.
    const allow = allowedMethods(req);
    if (allow.length) {
      mapped.problem = buildProblem(
        405,
        ErrorCode.METHOD_NOT_ALLOWED,
        `${req.method} is not allowed here; allowed: ${allow.join(', ')}`,
      );
      mapped.headers = { ...mapped.headers, Allow: allow.join(', ') };
    }
  }
  const rawId = (req as { id?: unknown }).id;
  const requestId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  if (requestId) mapped.problem.requestId = requestId;
  mapped.problem.instance = req.originalUrl?.split('?')[0];
  if (mapped.unexpected) {
    const err = exception instanceof Error ? exception : new Error(String(exception));
    logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'Unexpected error');
  }
  sendProblem(res, mapped.problem, mapped.headers);
}
