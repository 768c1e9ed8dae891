import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { buildOpenApiDocument } from '../../src/common/openapi/openapi-document';

/**
 * Checks real answers against the OpenAPI document the application serves. Any e2e test can call
 * `expectConformsToOpenApi(t.app, res)` on a supertest response: the operation is found by method and path, the
 * status must be documented, the content type must be one the operation declares, and a JSON body must validate
 * against the declared schema (Ajv, with formats). The access matrix runs it on every route × caller, and
 * test/quality/openapi-conformance.e2e-spec.ts on a full dossier-to-license run.
 */

type Json = Record<string, unknown>;
interface MediaType {
  schema?: Json;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
  headers?: Record<string, { required?: boolean; $ref?: string }>;
}
interface OperationEntry {
  method: string;
  template: string;
  regex: RegExp;
  params: number;
  responses: Record<string, ResponseObject>;
}

/** OpenAPI 3.0 schema → JSON Schema: `nullable: true` becomes `anyOf [null, …]`; refs point into the document. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'example' || k === 'examples') continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace(/^#\//, 'openapi#/');
    else out[k] = toJsonSchema(v);
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

export class OpenApiChecker {
  private readonly ajv: Ajv;
  private readonly operations: OperationEntry[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: toJsonSchema(doc.components) as Json });
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item as Record<string, { responses?: unknown }>)) {
        if (!op || typeof op !== 'object' || !op.responses) continue;
        const params = (template.match(/\{/g) ?? []).length;
        const source = template
          .split('/')
          .map((seg) => (/^\{[^}]+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')))
          .join('/');
        this.operations.push({
          method: method.toUpperCase(),
          template,
          regex: new RegExp(`^${source}$`),
          params,
          responses: op.responses as Record<string, ResponseObject>,
        });
      }
    }
    // Literal segments win over parameters (`/public/licenses/verify` before `/public/licenses/{id}`).
    this.operations.sort((a, b) => a.params - b.params);
  }

  /** Every operation of the document, as `METHOD /path/{param}`. */
  operationKeys(): string[] {
    return this.operations.map((o) => `${o.method} ${o.template}`);
  }

  find(method: string, path: string): OperationEntry | undefined {
    return this.operations.find((o) => o.method === method && o.regex.test(path));
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let v = this.validators.get(key);
    if (!v) {
      v = this.ajv.compile(toJsonSchema(schema) as Json);
      this.validators.set(key, v);
    }
    return v;
  }

  /** What is wrong with this answer with respect to the document (empty: it conforms). */
  mismatches(res: Response): string[] {
    const req = (res as unknown as { request: { method: string; url: string } }).request;
    const method = req.method.toUpperCase();
    const path = new URL(req.url).pathname;
    const where = `${method} ${path} → ${res.status}`;
    const op = this.find(method, path);
    if (!op) return [`${where}: no operation in the OpenAPI document`];
    const response = op.responses[String(res.status)] ?? op.responses[`${String(res.status)[0]}XX`];
    if (!response) {
      return [`${where}: status not documented for ${op.method} ${op.template} (${Object.keys(op.responses)})`];
    }
    const out: string[] = [];
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      if (header.required && res.headers[name.toLowerCase()] === undefined)
        out.push(`${where}: header ${name} missing`);
    }
    const contentType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const hasBody = res.status !== 204 && res.status !== 304 && res.headers['content-length'] !== '0' && !!contentType;
    if (!hasBody) {
      if (response.content && Object.keys(response.content).length > 0 && method !== 'HEAD') {
        out.push(`${where}: the document declares a body, the answer has none`);
      }
      return out;
    }
    const media = response.content?.[contentType];
    if (!media) {
      out.push(`${where}: content type ${contentType} not declared (${Object.keys(response.content ?? {})})`);
      return out;
    }
    if (/[/+]json$/.test(contentType)) {
      if (!media.schema) return [...out, `${where}: no schema for ${contentType}`];
      const validate = this.validator(`${op.method} ${op.template} ${res.status} ${contentType}`, media.schema);
      if (!validate(res.body)) {
        for (const e of (validate.errors ?? []).slice(0, 8)) {
          out.push(`${where}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
        }
      }
    }
    return out;
  }
}

const checkers = new WeakMap<INestApplication, OpenApiChecker>();

/** The checker for this application's document (built once per app). */
export function openApiChecker(app: INestApplication): OpenApiChecker {
  let c = checkers.get(app);
  if (!c) {
    c = new OpenApiChecker(buildOpenApiDocument(app));
    checkers.set(app, c);
  }
  return c;
}

/** Fails the test when the answer does not conform to the application's OpenAPI document. Returns the answer. */
export function expectConformsToOpenApi<R extends Response>(app: INestApplication, res: R): R {
  expect(openApiChecker(app).mismatches(res)).toEqual([]);
  return res;
}

/**
 * Records every answer any supertest request of this test file receives, from now until `stop()`: a test can drive
 * whole workflows through the usual factories and check all their answers against the document afterwards.
 */
export function recordResponses(): { responses: Response[]; stop(): void } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Test = require('supertest/lib/test') as { prototype: { assert: (...a: unknown[]) => unknown } };
  const original = Test.prototype.assert;
  const responses: Response[] = [];
  Test.prototype.assert = function (this: unknown, ...args: unknown[]) {
    const res = args[1] as Response | undefined;
    if (res) responses.push(res);
    return original.apply(this, args);
  };
  return {
    responses,
    stop: () => {
      Test.prototype.assert = original;
    },
  };
}
