import { applyDecorators, CallHandler, ExecutionContext, NestInterceptor, Type, UseInterceptors } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { ApiExtraModels, ApiOperation, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PAGE_MAX } from '../pagination';
import { ProblemDto } from './problem.dto';

/**
 * The shared OpenAPI decorators. Every operation declares, with these:
 *   @ApiDoc('Summary', 'Description…')              summary and description (tags come from the controller)
 *   @ApiOkResponse({ type: SomeView }) / @ApiPage(SomeView) / @ApiBinary(...)   its success answer
 *   @ApiProblems(404, 409, 422)                     the errors it can give beyond the ones added for everyone
 * The document builder (`openapi-document.ts`) adds what every operation shares: 400 (malformed request), 401 and
 * 403 (from @Roles), 404 where the path has parameters, 413 and 415 where there is a body, the Idempotency-Key
 * header with its 409 and 422 on POST, 429, 500 and 503, each error with the `Problem` schema under
 * application/problem+json, the rate-limit headers, and the security requirement.
 * Unpaginated arrays: `@ApiList(ItemView, max)`. Response DTOs: the helpers of `schema-props.ts`.
 */

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/** What each error status means in this API (api-contract, "Conventions"). */
export const PROBLEM_DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Malformed or invalid request (unknown members refused); `errors[]` names each invalid member',
  401: 'No bearer token, or an invalid or expired one',
  403: 'The caller’s role may never do this',
  404: 'Not found, or not visible to the caller',
  405: 'The path exists but not with this method',
  409: 'Conflict with the record’s current state or version (TRANSITION_NOT_ALLOWED, VERSION_CONFLICT, …)',
  413: 'The body or file is larger than allowed',
  415: 'Unsupported media type or file content',
  422: 'Well-formed, but a business rule or guard refuses it (the code says which)',
  429: 'Too many requests; retry after `Retry-After` seconds',
  500: 'Unexpected error (logged with the request id); no details are given',
  503: 'The server is busy (no database connection freed up in time); retry after `Retry-After` seconds',
};

/** A problem+json answer with the shared Problem schema. */
export function problemResponse(status: ProblemStatus, description?: string) {
  return {
    description: description ?? PROBLEM_DESCRIPTIONS[status],
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
  };
}

/**
 * The error answers an operation can give, each `application/problem+json` with the `Problem` schema. A number
 * takes the standard description; `[status, 'why']` says what it means for this operation.
 */
export function ApiProblems(...specs: Array<ProblemStatus | [ProblemStatus, string]>) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...specs.map((spec) => {
      const [status, description] = Array.isArray(spec) ? spec : [spec, undefined];
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
}

/** Summary (a short phrase) and description (what it does, who may, what it refuses) of an operation. */
export function ApiDoc(summary: string, description: string) {
  return ApiOperation({ summary, description });
}

/** The API's list pages: `?page=1&pageSize=20` (max 100). */
export const PAGE_SIZE_MAX = 100;

const pageClasses = new Map<Type<unknown>, Type<unknown>>();

/** The schema class of a page of `item`s: `{ items, total, page, pageSize }`, named `<Item>Page`. */
export function pageOf<T>(item: Type<T>): Type<unknown> {
  let page = pageClasses.get(item);
  if (!page) {
    class Page {
      @ApiProperty({ type: [item], maxItems: PAGE_SIZE_MAX }) items: T[];
      @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
      total: number;
      @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: PAGE_MAX }) page: number;
      @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: PAGE_SIZE_MAX }) pageSize: number;
    }
    Object.defineProperty(Page, 'name', { value: `${item.name}Page` });
    pageClasses.set(item, Page);
    page = Page;
  }
  return page;
}

/** 200 with a page of `item`s. */
export function ApiPage<T>(item: Type<T>, description = 'One page of the list') {
  return ApiResponse({ status: 200, description, type: pageOf(item) });
}

/**
 * The largest binary body any operation sends: stored documents are at most UPLOAD_MAX_BYTES, which the
 * configuration caps at 1 GiB; generated PDFs (licenses, records, letters) are a few hundred kilobytes.
 */
export const BINARY_MAX_BYTES = 1024 * 1024 * 1024;

/** 200 with a file in one of `mediaTypes` (a PDF, a scanned document). */
export function ApiBinary(mediaTypes: string[], description: string) {
  const schema = { type: 'string', format: 'binary', maxLength: BINARY_MAX_BYTES };
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(mediaTypes.map((m) => [m, { schema }])),
  });
}

/** Keeps at most `max` items of a list answer: what `@ApiList` declares is what the API sends. */
class CapListInterceptor implements NestInterceptor {
  constructor(private readonly max: number) {}
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(map((v: unknown) => (Array.isArray(v) && v.length > this.max ? v.slice(0, this.max) : v)));
  }
}

/**
 * 200 with an unpaginated list of `item`s (a record's history, its documents, a catalogue), at most `max` of them:
 * declared as `maxItems` and enforced (a longer list is cut, oldest first kept). `max` is far above what any
 * record reaches in practice; lists that can grow without bound are paginated instead (`@ApiPage`).
 */
export function ApiList<T>(item: Type<T>, max: number, description = 'The list') {
  return applyDecorators(
    ApiExtraModels(item),
    ApiResponse({
      status: 200,
      description,
      schema: { type: 'array', maxItems: max, items: { $ref: getSchemaPath(item) } },
    }),
    UseInterceptors(new CapListInterceptor(max)),
  );
}
