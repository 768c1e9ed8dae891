import { randomUUID } from 'node:crypto';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { DomainError, ErrorCode } from './common/domain-error';
import { rejectHostileJson, rejectHostileQuery } from './common/json-guard';
import { ProblemFallbackExpressAdapter } from './common/route-fallback';
import { noStoreByDefault, securityHeaders } from './common/security-headers';
import { buildOpenApiDocument } from './common/openapi/openapi-document';
import { respondWithProblem } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { PUBLIC_PAGE_ROUTES } from './public-pages/routes';
import { serveOffice } from './office/serve-office';

export const API_PREFIX = 'api/v1';

/**
 * Builds the whole HTTP application from a configuration: used by main.ts and by every end-to-end test, so that
 * tests exercise the same stack as production.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config),
    new ProblemFallbackExpressAdapter(),
    {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  if (config.trustProxy > 0) app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  // A request id on every request, from the caller's X-Request-Id or a new one; logs and problems carry it.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
    (req as { id?: unknown }).id = id;
    res.setHeader('X-Request-Id', id);
    next();
  });
  // helmet's headers; the Content-Security-Policy per path prefix is decided in security-headers.ts alone.
  app.use(securityHeaders());
  app.use(`/${API_PREFIX}`, noStoreByDefault());
  // The back office (web/, built into dist/office): static files and the SPA fallback, with its own nonce-based CSP.
  app.use(serveOffice());
  if (config.corsOrigins !== false) {
    app.enableCors({
      origin: config.corsOrigins,
      exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    });
  }
  // Query strings are checked before any route parses them, bodies right after JSON.parse: both before
  // class-transformer, whose cost grows faster than the input.
  app.use(rejectHostileQuery());
  // A body the API cannot read is refused (415), never silently dropped: a form-encoded or text body would otherwise
  // reach a handler as `{}`, and an endpoint whose fields are all optional would act on it.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is(['application/json', 'application/*+json', 'multipart/form-data'])) {
      return next(
        new DomainError(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          415,
          'Send the body as application/json (or multipart/form-data for files)',
        ),
      );
    }
    next();
  });
  app.use(express.json({ limit: config.jsonBodyLimit, type: ['application/json', 'application/*+json'] }));
  // Before the error handler below, which answers its refusal (and the parser's) as problem+json.
  app.use(rejectHostileJson());
  const parseLogger = new NestLogger('BodyParser');
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    respondWithProblem(err, req, res, parseLogger);
  });

  // The public pages (registry, verification page of the QR code) live at the root, outside the API.
  app.setGlobalPrefix(API_PREFIX, { exclude: [...PUBLIC_PAGE_ROUTES] });
  app.useGlobalPipes(createValidationPipe());

  // The API documents are public in development and tests; in production only when API_DOCS_ENABLED says so.
  if (!config.apiDocsEnabled) return app;
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  return app;
}
