import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { respondWithProblem, toProblem } from '../common/problem-details.filter';
import { HTML_CONTENT_TYPE, prefersJson, PUBLIC_PAGE_CSP } from './negotiation';
import { errorPage } from './views/error.view';

/**
 * Errors of the public pages: an HTML page for a browser (a person scanning a QR code must not land on JSON), the
 * usual problem+json for a client that asks for JSON. The status and its mapping come from the one problem filter.
 */
@Catch()
export class PublicPageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('PublicPages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (prefersJson(req) || res.headersSent) {
      respondWithProblem(exception, req, res, this.logger);
      return;
    }
    const mapped = toProblem(exception);
    const rawId = (req as { id?: unknown }).id;
    const requestId = typeof rawId === 'string' ? rawId : undefined;
    if (mapped.unexpected) {
      const err = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error({ err, requestId, method: req.method, url: req.originalUrl }, 'Unexpected error');
    }
    for (const [k, v] of Object.entries(mapped.headers ?? {})) res.setHeader(k, v);
    res.vary('Accept');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', PUBLIC_PAGE_CSP);
    res.status(mapped.problem.status).type(HTML_CONTENT_TYPE).send(errorPage(mapped.problem.status, requestId));
  }
}
