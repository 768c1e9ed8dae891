import { INestApplication } from '@nestjs/common';
import { PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ApiParam, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { UuidParam } from '../uuid';
import { PROBLEM_DESCRIPTIONS, problemResponse, ProblemStatus } from './api-docs';
import { ProblemDto } from './problem.dto';
import { declareValidationConstraints } from './validation-constraints';

/** Every tag an operation may use, with what it groups. A tag missing here fails the OpenAPI tests. */
export const API_TAGS: Record<string, string> = {
  auth: 'Registration, login and the caller’s account',
  users: 'Accounts of staff and site owners (admin)',
  authorities: 'Licensing authorities and their settings',
  catalogues: 'Reference data: dossier requirements, the violations catalogue, the state machines',
  applications: 'Dossiers (applications): filing, documents, appraisal and decision',
  licenses: 'Licenses, their versions, PDFs and lifecycle; a site’s lifecycle',
  public: 'The public registry of licensed sites and license verification (no account needed)',
  reports: 'Periodic (annual) and ad hoc reports of licensees',
  inspections: 'Inspections of licensed sites and their records',
  violations: 'Violations, sanctions and enforcement proposals',
  calendar: 'The working-day calendar used for statutory deadlines',
  notifications: 'The caller’s notifications',
  statistics: 'Half-yearly figures of an authority',
  audit: 'The append-only, hash-chained audit log',
  scheduler: 'The daily jobs (expiry, reminders, escalations)',
  operations: 'Health of the service',
  legal: 'Legal parameters and legal bases in force on a date (effective-dated)',
  organizations: 'Site owners’ organizations (admin: confirming a registration number)',
  'unlicensed-sites': 'Sites operating without a license: cases, evidence, the letter directing the operator to apply',
  'content-requests': 'Requests to a licensee to correct or remove content, with deadlines, answers and letters',
  'unit-reporting': 'Reporting units, reporting periods, the units’ returns and the synthesis report',
};

/** The bearer scheme's name in `components.securitySchemes`. */
export const BEARER_SCHEME = 'bearer';

const HEADERS = {
  RateLimit: {
    description:
      'The caller’s remaining quota in the current window of this endpoint family (IETF draft ' +
      '"RateLimit header fields for HTTP"), e.g. `"default";r=9;t=42`',
    schema: { type: 'string', maxLength: 256 },
  },
  'RateLimit-Policy': {
    description: 'The quota policy of this endpoint family, e.g. `"default";q=10;w=60`',
    schema: { type: 'string', maxLength: 256 },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 },
  },
  'Access-Control-Allow-Origin': {
    description: 'Sent when CORS_ORIGINS allows the request’s Origin (CORS is off by default)',
    schema: { type: 'string', maxLength: 2048 },
  },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
  'WWW-Authenticate': {
    description: 'The scheme to authenticate with: `Bearer`',
    schema: { type: 'string', maxLength: 64 },
  },
};

const ref = (name: keyof typeof HEADERS) => ({ $ref: `#/components/headers/${name}` });

type Operation = {
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string; [member: string]: unknown }[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: unknown; headers?: Record<string, unknown> }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

let paramsDeclared = false;

/**
 * Path parameters read through `UuidParam` are UUIDs: declare them so (format, length) on the handler, as an
 * `@ApiParam` written by hand would, so that no id parameter is left an unbounded string.
 */
function declareUuidPathParams(app: INestApplication): void {
  if (paramsDeclared) return;
  paramsDeclared = true;
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
      if (!ctrl) continue;
      const proto = ctrl.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, method);
        if (method === 'constructor' || typeof descriptor?.value !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, descriptor.value) === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctrl, method) ?? {}) as Record<
          string,
          { data?: unknown; pipes?: unknown[] }
        >;
        for (const [key, arg] of Object.entries(args)) {
          // `5:` is RouteParamtypes.PARAM: a path parameter.
          if (!key.startsWith('5:') || typeof arg.data !== 'string' || !arg.pipes?.includes(UuidParam)) continue;
          ApiParam({
            name: arg.data,
            schema: { type: 'string', format: 'uuid', maxLength: 36 },
            description: 'A UUID; another shape, or a record the caller may not see, is 404',
          })(proto, method, descriptor);
        }
      }
    }
  }
}

function addResponse(op: Operation, status: ProblemStatus, description?: string): void {
  if (!op.responses[status]) op.responses[status] = problemResponse(status, description);
}

/** Every POST takes an optional Idempotency-Key (src/common/idempotency.interceptor.ts) and its two refusals. */
function declareIdempotency(op: Operation): void {
  op.parameters ??= [];
  if (!op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')) {
    op.parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'The same key from the same caller within 24 hours returns the first answer and does nothing twice',
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]{1,200}$' },
    });
  }
  addResponse(op, 409, 'IDEMPOTENCY_IN_PROGRESS: a request with the same Idempotency-Key is still running');
  addResponse(op, 422, 'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was used with another request');
  for (const [status, response] of Object.entries(op.responses)) {
    if (/^2/.test(status))
      response.headers = { ...response.headers, 'Idempotent-Replayed': ref('Idempotent-Replayed') };
  }
}

/**
 * Adds what every operation shares and the decorators do not say one by one, so that no operation can forget it:
 * the security requirement (`[{}]`, anonymous, on @Public operations), the error answers every operation can give
 * (400 malformed request, 429, 500, 503; 404 where the path names a record; 413 and 415 where there is a body;
 * 409 and 422 of Idempotency-Key on POST), the
 * Problem schema on every error answer, and the response headers (rate limits on 2xx/4xx, Retry-After on
 * 429/503, WWW-Authenticate on 401).
 */
export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.headers = { ...doc.components.headers, ...HEADERS };
  doc.servers = [
    { url: '/', description: 'This server (local, staging or production: the host serving this document)' },
  ];
  (doc.servers[0] as unknown as Record<string, unknown>)['x-internal'] = false;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      if (!op.security || op.security.length === 0) op.security = [{}];
      const secured = op.security.some((s) => Object.keys(s).length > 0);
      addResponse(op, 400);
      if (secured) {
        addResponse(op, 401);
        addResponse(op, 403);
      }
      if (path.includes('{')) addResponse(op, 404);
      if (op.requestBody) {
        addResponse(op, 413);
        addResponse(op, 415, 'The body’s media type or character set is not supported');
      }
      if (method === 'post') declareIdempotency(op);
      addResponse(op, 429);
      addResponse(op, 500);
      addResponse(op, 503);
      for (const [status, response] of Object.entries(op.responses)) {
        const code = Number(status);
        if (code >= 400 && !response.content) {
          response.content = problemResponse(code as ProblemStatus).content;
          response.description ||= PROBLEM_DESCRIPTIONS[code as ProblemStatus] ?? 'Error';
        }
        const headers: Record<string, unknown> = { ...response.headers };
        if (code < 300 || (code >= 400 && code < 500)) {
          headers.RateLimit = ref('RateLimit');
          headers['RateLimit-Policy'] = ref('RateLimit-Policy');
        }
        if (code === 429 || code === 503) headers['Retry-After'] = { ...ref('Retry-After') };
        if (code === 401) headers['WWW-Authenticate'] = ref('WWW-Authenticate');
        if (Object.keys(headers).length > 0) {
          headers['Access-Control-Allow-Origin'] = ref('Access-Control-Allow-Origin');
          response.headers = headers;
        }
      }
    }
  }
  return doc;
}

/** The OpenAPI 3 document of the whole API (served at /docs-json, linted and checked against real answers). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  declareValidationConstraints();
  declareUuidPathParams(app);
  const builder = new DocumentBuilder()
    .setTitle('General e-information site licensing API')
    .setDescription(
      'Licensing and registration workflow for general e-information sites (trang thông tin điện tử tổng hợp): ' +
        'dossiers, appraisal, licenses, periodic review, inspections, violations, the public registry. ' +
        'Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`. ' +
        'An overview for users of the API: docs/api.md in the repository.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'The access token from POST /auth/login: a JWS (HS256 only, `alg` pinned; `none` refused) with `sub`, ' +
          '`iat` and `exp` (JWT_EXPIRES_IN, default one hour), handled as RFC8725 (JWT best current practices) ' +
          'recommends. The account’s role and state are read from the database on every request.',
      },
      BEARER_SCHEME,
    );
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const doc = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ProblemDto] });
  return completeDocument(doc);
}
