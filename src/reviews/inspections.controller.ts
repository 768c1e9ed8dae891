import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiProduces, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ROLES } from '../auth/roles';
import { UuidParam } from '../common/uuid';
import { DocumentUpload, type StoredUpload } from '../documents/document-upload';
import { AllowedTransitionsDto } from '../workflow/transition.dto';
import { CreateInspectionDto, InspectionsQuery, InspectionTransitionDto } from './dto/inspection.dto';
import { inspectionView } from './inspection.entity';
import { InspectionsService } from './inspections.service';
import { ApiList, ApiBinary, ApiDoc, ApiPage, ApiProblems } from '../common/openapi/api-docs';
import { InspectionView } from './dto/review.views';
import { HistoryEntryView } from '../workflow/history.view';
import { DocumentView } from '../documents/dto/document.dto';

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  /** Plans an inspection of a licensed site of the inspector's authority → PLANNED. */
  @Post()
  @Roles('inspector')
  @ApiDoc('Plan an inspection', 'An inspector plans an inspection of a license of the authority (PLANNED).')
  @ApiCreatedResponse({ type: InspectionView })
  @ApiProblems(404, 409, 422)
  async create(@Body() dto: CreateInspectionDto, @CurrentUser() inspector: AuthenticatedUser) {
    return inspectionView(await this.inspections.create(dto, inspector));
  }

  @Get()
  @Roles(...ROLES)
  @ApiDoc('List inspections', 'Owners see their organization’s inspections, staff their authority’s.')
  @ApiPage(InspectionView)
  async list(@Query() q: InspectionsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.inspections.list(user, q);
    return { ...page, items: page.items.map(inspectionView) };
  }

  @Get(':id')
  @Roles(...ROLES)
  @ApiDoc('Read an inspection', 'One inspection with its team, findings and remedies.')
  @ApiOkResponse({ type: InspectionView })
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return inspectionView(await this.inspections.get(id, user));
  }

  @Get(':id/history')
  @Roles(...ROLES)
  @ApiDoc('An inspection’s history', 'Every event fired on the inspection, oldest first.')
  @ApiList(HistoryEntryView, 10000)
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.inspections.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...ROLES)
  @ApiOkResponse({ type: AllowedTransitionsDto })
  @ApiDoc('Events allowed now', 'The inspection’s state and version and the events this caller may fire.')
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.inspections.allowed(id, user);
  }

  /** START, COMPLETE (findings and conclusion required; remedies optional) or CANCEL (reason). */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('inspector')
  @ApiDoc('Fire an inspection event', 'START, COMPLETE (findings, conclusion, remedies) or CANCEL.')
  @ApiOkResponse({ type: InspectionView })
  @ApiProblems(409, 422)
  async transition(
    @Param('id', UuidParam) id: string,
    @Body() dto: InspectionTransitionDto,
    @CurrentUser() inspector: AuthenticatedUser,
  ) {
    return inspectionView(await this.inspections.transition(id, dto, inspector));
  }

  /** Evidence: a PDF, PNG or JPEG judged by its bytes, with a `kind` (e.g. SCREENSHOT, MINUTES). */
  @Post(':id/documents')
  @Roles('inspector')
  @DocumentUpload()
  @ApiDoc('Attach evidence', 'Multipart `file` and `kind`: a PDF, PNG or JPEG judged by its content.')
  @ApiCreatedResponse({ type: DocumentView })
  @ApiProblems(409, 413, 415, 422)
  attach(
    @Param('id', UuidParam) id: string,
    @UploadedFile() file: StoredUpload,
    @Body('kind') kind: string,
    @CurrentUser() inspector: AuthenticatedUser,
  ) {
    return this.inspections.attach(id, kind, file, inspector);
  }

  @Get(':id/documents')
  @Roles(...ROLES)
  @ApiDoc('An inspection’s documents', 'The evidence attached to the inspection.')
  @ApiList(DocumentView, 1000)
  documents(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.inspections.documentsOf(id, user);
  }

  @Get(':id/documents/:docId/content')
  @Roles(...ROLES)
  @ApiDoc('Download evidence', 'The stored bytes, with the content type judged at upload.')
  @ApiBinary(['application/pdf', 'image/png', 'image/jpeg'], 'The document')
  async content(
    @Param('id', UuidParam) id: string,
    @Param('docId', UuidParam) docId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const d = await this.inspections.document(id, docId, user);
    res.set(d.headers);
    return d.file;
  }

  /** The inspection record (biên bản kiểm tra) as PDF, once COMPLETED (409 before); the same bytes every time. */
  @Get(':id/record.pdf')
  @Roles(...ROLES)
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'private, no-cache')
  @ApiDoc(
    'The inspection record PDF',
    'The inspection record (biên bản kiểm tra), once COMPLETED (409 before); the same bytes every time.',
  )
  @ApiBinary(['application/pdf'], 'The inspection record')
  @ApiProblems(409)
  async record(
    @Param('id', UuidParam) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { pdf, recordNumber } = await this.inspections.recordPdf(id, user);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="bien-ban-${recordNumber.replace(/[^A-Za-z0-9-]/g, '-')}.pdf"`,
    });
    return new StreamableFile(pdf);
  }
}
