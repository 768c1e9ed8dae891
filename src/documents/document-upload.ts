import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Request, RequestHandler, Response } from 'express';
import multer, { MulterError, StorageEngine } from 'multer';
import { Observable } from 'rxjs';
import { DomainError, ErrorCode, FieldError } from '../common/domain-error';
import { BINARY_MAX_BYTES } from '../common/openapi/api-docs';
import { APP_CONFIG, AppConfig } from '../config/config';
import { sanitizeFileName } from './file-name';
import { FileStore, FileTooLargeError } from './file-store';
import { DOCUMENT_CONTENT_TYPES, DocumentContentType, sniffContentType } from './sniff';

/** What `@UploadedFile()` holds after `@DocumentUpload()`: the file is already in the store, not in memory. */
export interface StoredUpload {
  fieldname: string;
  /** The name as the client sent it (untrusted; do not show or store it). */
  originalname: string;
  /** The type the client declared (untrusted; ignored). */
  mimetype: string;
  /** The type judged by the bytes. */
  contentType: DocumentContentType;
  /** The sanitized display name (metadata only). */
  fileName: string;
  size: number;
  sha256: string;
  /** The file's address in the store. */
  key: string;
}

/**
 * What the owning module checks before a byte of an upload is stored (issue 12: uploads to a record one may not
 * see, or not change, or of a kind it does not take, used to be stored and swept an hour later). Called twice:
 * before the multipart body is read (`kind` undefined: visibility, editable state, quota), and when the file part
 * begins, with the `kind` field that came before it. Throws a DomainError to refuse.
 */
export interface UploadPrecheck {
  beforeUpload(req: Request, kind?: string): Promise<void>;
}

const UPLOAD_PRECHECK = 'documents:upload-precheck';
const PRECHECK_OF_REQUEST = Symbol('upload-precheck');
type RequestWithPrecheck = Request & { [PRECHECK_OF_REQUEST]?: (kind: string) => Promise<void> };

/** The multipart field carrying the file, and the one naming its kind. */
export const UPLOAD_FILE_FIELD = 'file';
export const UPLOAD_KIND_FIELD = 'kind';
/** A document kind: SCREAMING_SNAKE, e.g. APPLICATION_FORM (the requirements catalogue's kinds). */
export const DOCUMENT_KIND_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

function unsupportedType(): DomainError {
  return new DomainError(
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    415,
    `Only ${DOCUMENT_CONTENT_TYPES.join(', ')} files are accepted (judged by their content, not their name)`,
  );
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 413, `The file is larger than ${maxBytes} bytes`, {
    extensions: { maxBytes },
  });
}

/**
 * Multer storage engine that streams the file part straight into the FileStore (hashing while writing, never the
 * whole file in memory) and refuses anything whose first bytes are not a PDF, PNG or JPEG before it is committed.
 */
export class FileStoreStorageEngine implements StorageEngine {
  constructor(
    private readonly store: FileStore,
    private readonly maxBytes: number,
  ) {}

  _handleFile(
    req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<Express.Multer.File> & Partial<StoredUpload>) => void,
  ): void {
    let contentType: DocumentContentType | null = null;
    const precheck = (req as RequestWithPrecheck)[PRECHECK_OF_REQUEST];
    const kind = (req.body as Record<string, unknown> | undefined)?.[UPLOAD_KIND_FIELD];
    // The contract does not order the multipart fields. A `kind` sent before the file is checked before a byte is
    // stored; one sent after it is checked once the body is read (the record, its state and the quota were already
    // checked before the body), and a refused upload's bytes are then left to the sweeper.
    const checked = !precheck
      ? Promise.resolve()
      : kind === undefined
        ? Promise.resolve()
        : typeof kind === 'string' && DOCUMENT_KIND_PATTERN.test(kind)
          ? precheck(kind)
          : Promise.reject(
              DomainError.validation('The upload is invalid', [
                { field: UPLOAD_KIND_FIELD, message: `must be a document kind such as APPLICATION_FORM` },
              ]),
            );
    checked
      .then(() =>
        this.store.put(file.stream, {
          maxBytes: this.maxBytes,
          check: (head) => {
            contentType = sniffContentType(head);
            if (!contentType) throw unsupportedType();
          },
        }),
      )
      .then(
        (stored) =>
          callback(null, {
            contentType: contentType ?? undefined,
            fileName: sanitizeFileName(file.originalname),
            size: stored.size,
            sha256: stored.sha256,
            key: stored.key,
          }),
        (error: unknown) => callback(error instanceof FileTooLargeError ? tooLarge(this.maxBytes) : error),
      );
  }

  /**
   * Multer calls this when a request fails after the file was stored. The content may already be referenced by a
   * row (the same bytes uploaded before), so nothing is deleted here: the sweeper removes unreferenced files.
   */
  _removeFile(_req: Request, _file: Express.Multer.File, callback: (error: Error | null) => void): void {
    callback(null);
  }
}

/** Multer's and busboy's errors as problems: 413 too large, 400 for any malformed multipart body. */
function toUploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return tooLarge(maxBytes);
    const field =
      error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT' ? UPLOAD_FILE_FIELD : error.field;
    const message =
      error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT'
        ? `send exactly one file, in the field "${UPLOAD_FILE_FIELD}"`
        : error.message;
    return DomainError.validation('The multipart body is invalid', [{ field: field ?? 'body', message }]);
  }
  if (error instanceof Error && /^Unsupported content type/i.test(error.message)) {
    return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415, 'Send the file as multipart/form-data');
  }
  if (
    error instanceof Error &&
    /multipart|boundary|unexpected end of|malformed part|request (aborted|closed)/i.test(error.message)
  ) {
    return DomainError.validation('The multipart body is malformed', [{ field: 'body', message: error.message }]);
  }
  return error;
}

/**
 * Parses a `multipart/form-data` upload with fields `file` and `kind`: the file is streamed into the store
 * (size limit `UPLOAD_MAX_BYTES` → 413, type by content → 415), then `file` and `kind` are checked (400 per field).
 * Use through `@DocumentUpload()`.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly upload: RequestHandler;
  private readonly maxBytes: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    store: FileStore,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {
    this.maxBytes = config.uploadMaxBytes;
    this.upload = multer({
      storage: new FileStoreStorageEngine(store, this.maxBytes),
      defParamCharset: 'utf8',
      limits: {
        fileSize: this.maxBytes,
        files: 1,
        fields: 5,
        parts: 6,
        fieldSize: 1024,
        fieldNameSize: 100,
        headerPairs: 50,
      },
    }).single(UPLOAD_FILE_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<RequestWithPrecheck & { file?: StoredUpload }>();
    const res = context.switchToHttp().getResponse<Response>();
    const precheckType = this.reflector.get<Type<UploadPrecheck> | undefined>(UPLOAD_PRECHECK, context.getHandler());
    if (precheckType) {
      const precheck = this.moduleRef.get(precheckType, { strict: false });
      // Before the body is read: the record, its state and the quota.
      await precheck.beforeUpload(req);
      req[PRECHECK_OF_REQUEST] = (kind) => precheck.beforeUpload(req, kind);
    }
    await new Promise<void>((resolve, reject) =>
      this.upload(req, res, (error?: unknown) => (error ? reject(toUploadError(error, this.maxBytes)) : resolve())),
    );
    const errors: FieldError[] = [];
    if (!req.file) {
      errors.push({
        field: UPLOAD_FILE_FIELD,
        message: `a multipart/form-data file part "${UPLOAD_FILE_FIELD}" is required`,
      });
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const kind = body[UPLOAD_KIND_FIELD];
    if (typeof kind !== 'string' || !DOCUMENT_KIND_PATTERN.test(kind)) {
      errors.push({ field: UPLOAD_KIND_FIELD, message: 'required: a document kind such as APPLICATION_FORM' });
    }
    for (const name of Object.keys(body)) {
      if (name !== UPLOAD_KIND_FIELD) errors.push({ field: name, message: `unknown field "${name}"` });
    }
    if (errors.length > 0) throw DomainError.validation('The upload is invalid', errors);
    return next.handle();
  }
}

/**
 * On a route handler: accept one document upload (`file` + `kind`). The handler reads
 * `@UploadedFile() file: StoredUpload` and `@Body() dto: UploadDocumentDto` (or `@Body('kind')`).
 */
export const DocumentUpload = (precheck?: Type<UploadPrecheck>) =>
  applyDecorators(
    ...(precheck ? [SetMetadata(UPLOAD_PRECHECK, precheck)] : []),
    UseInterceptors(DocumentUploadInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [UPLOAD_FILE_FIELD, UPLOAD_KIND_FIELD],
        properties: {
          [UPLOAD_FILE_FIELD]: {
            type: 'string',
            format: 'binary',
            maxLength: BINARY_MAX_BYTES,
            description: 'PDF, PNG or JPEG (judged by content), at most UPLOAD_MAX_BYTES (default 20 MiB)',
          },
          [UPLOAD_KIND_FIELD]: {
            type: 'string',
            example: 'APPLICATION_FORM',
            maxLength: 64,
            pattern: DOCUMENT_KIND_PATTERN.source,
            description: 'The document kind; sent before the file part, it is checked before the file is stored',
          },
        },
      },
    }),
    ApiPayloadTooLargeResponse({ description: 'The file is larger than UPLOAD_MAX_BYTES (default 20 MiB)' }),
    ApiUnsupportedMediaTypeResponse({ description: 'Not a PDF, PNG or JPEG by its content' }),
  );
