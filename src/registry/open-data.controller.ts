import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/access.decorators';
import { ChangesQuery, ExportQuery, RegistryChangesDto } from './dto/open-data.dto';
import { PublicLicenseDto } from './dto/public-license.dto';
import { CSV_COLUMNS } from './public-license';
import { OpenDataService } from './open-data.service';

const PROBLEM = { 'application/problem+json': { schema: { type: 'object' } } };
const CSV_EXAMPLE =
  `${CSV_COLUMNS.join(',')}\r\n` +
  '5f0c2a9e-6d1b-4c37-9a51-0c8e2f7b1d44,44/GP-STTTT,Công ty A,"Số 1, Hà Nội",Tin tức A,a.vn b.vn,ACTIVE,' +
  '2026-01-05,2031-01-04,,1,STTTT-HN,Sở TT&TT Hà Nội,Hà Nội\r\n';

/** Open data: the public registry in bulk and the feed of its changes (docs/open-data.md). No personal data. */
/**
 * Nominal bounds of the export for the document (OWASP asks every array and string for one): every license a
 * registry could hold, far above the few thousand sites licensed nationwide, and the bytes of that many rows. The
 * export is not cut at them (it is the whole registry); a registry nearing them would need a paged export.
 */
const EXPORT_MAX_LICENSES = 1_000_000;
const EXPORT_MAX_BYTES = EXPORT_MAX_LICENSES * 4096;

@ApiTags('public')
@ApiExtraModels(PublicLicenseDto)
@Controller('public/licenses')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('export')
  @Public()
  @ApiOperation({
    summary: 'The whole public registry in one file (CSV, JSON or NDJSON), streamed from one snapshot',
    description:
      'The fields of GET /public/licenses, every license, ordered by issue date. CSV: RFC 4180, UTF-8 with a byte ' +
      'order mark, a header row, CRLF line ends, the authority in three columns, domains separated by spaces. ' +
      'Conditional: ETag and Last-Modified change with every change of the registry; If-None-Match or ' +
      'If-Modified-Since give 304.',
  })
  @ApiResponse({
    status: 200,
    description: 'The registry (Content-Disposition: attachment; filename="registry-licenses-<date>.<ext>")',
    headers: {
      ETag: { description: 'Changes with every change of the registry', schema: { type: 'string', maxLength: 128 } },
      'Last-Modified': { description: 'When the registry last changed', schema: { type: 'string', maxLength: 64 } },
      'Content-Disposition': { description: 'attachment with a file name', schema: { type: 'string', maxLength: 256 } },
    },
    content: {
      'text/csv': { schema: { type: 'string', maxLength: EXPORT_MAX_BYTES, example: CSV_EXAMPLE } },
      'application/json': {
        schema: { type: 'array', maxItems: EXPORT_MAX_LICENSES, items: { $ref: getSchemaPath(PublicLicenseDto) } },
      },
      'application/x-ndjson': {
        schema: {
          type: 'string',
          maxLength: EXPORT_MAX_BYTES,
          description: 'One PublicLicenseDto JSON object per line',
        },
      },
    },
  })
  @ApiResponse({ status: 304, description: 'Not modified since the ETag or date given' })
  @ApiBadRequestResponse({ description: 'format missing or not csv, json or ndjson (problem+json)', content: PROBLEM })
  @ApiTooManyRequestsResponse({ description: 'Too many exports in progress (problem+json)', content: PROBLEM })
  async export(
    @Query() q: ExportQuery,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('if-modified-since') ifModifiedSince: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.openData.export(q.format, { ifNoneMatch, ifModifiedSince }, res);
  }

  @Get('changes')
  @Public()
  @ApiOperation({
    summary: 'The feed of registry changes, oldest first, from an opaque cursor',
    description:
      'Issued, amended, extended, reissued, change notices, suspended, reinstated, revoked, surrendered, expired; ' +
      "each item with the license's registry fields after the change. Start with an empty `since`, then pass " +
      'each `next`: no change is ever skipped or repeated, even when transactions commit out of order.',
  })
  @ApiOkResponse({ type: RegistryChangesDto })
  @ApiBadRequestResponse({
    description: 'since is not a cursor of this feed, or limit out of 1–1000 (problem+json)',
    content: PROBLEM,
  })
  changes(@Query() q: ChangesQuery): Promise<RegistryChangesDto> {
    return this.openData.changes(q);
  }
}
