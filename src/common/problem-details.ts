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

/** A problem lists at most this many field errors: a hostile body must not buy megabytes of errors. */
export const MAX_PROBLEM_ERRORS = 50;

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
    detail,
    code,
    ...extra,
  };
  if (problem.errors && problem.errors.length > MAX_PROBLEM_ERRORS) {
    problem.errorCount = problem.errors.length;
    problem.errors = problem.errors.slice(0, MAX_PROBLEM_ERRORS);
  }
  return problem;
}

export function sendProblem(res: Response, problem: ProblemDocument, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(problem.status).setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.send(JSON.stringify(problem));
}
