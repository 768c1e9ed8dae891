import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { FieldError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

/** `type` URIs are stable per code; they name the code so that clients can link documentation. */
export function problemType(code: string): string {
  return `urn:problem:gis-licensing:${code.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * Bounds the OpenAPI document's Problem schema declares (docs/api.md): a problem never grows with the request that
 * caused it, however many members were wrong or however long the path was. A hostile body must not buy megabytes of
 * errors: at most `errors` field errors are listed, and `errorCount` then says how many there were.
 */
export const PROBLEM_LIMITS = { detail: 2000, errors: 50, field: 512, message: 2000, instance: 2048 } as const;
export const MAX_PROBLEM_ERRORS = PROBLEM_LIMITS.errors;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function buildProblem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<ProblemDocument> = {},
): ProblemDocument {
  const problem: ProblemDocument = {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: clip(detail, PROBLEM_LIMITS.detail),
    code,
    ...extra,
  };
  if (problem.errors) {
    if (problem.errors.length > MAX_PROBLEM_ERRORS) problem.errorCount = problem.errors.length;
    problem.errors = problem.errors.slice(0, MAX_PROBLEM_ERRORS).map((e) => ({
      field: clip(e.field, PROBLEM_LIMITS.field),
      message: clip(e.message, PROBLEM_LIMITS.message),
    }));
  }
  return problem;
}

export function sendProblem(res: Response, problem: ProblemDocument, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (problem.instance) problem.instance = clip(problem.instance, PROBLEM_LIMITS.instance);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(problem.status).setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.send(JSON.stringify(problem));
}
