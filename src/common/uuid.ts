import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: unknown): s is string {
  return typeof s === 'string' && UUID_RE.test(s);
}

/**
 * Path ids that are not UUIDs name nothing: answer 404 like any other unknown id, so that the
 * shape of an id never tells a caller more than its absence does.
 */
export const UuidParam = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => DomainError.notFound(),
});
