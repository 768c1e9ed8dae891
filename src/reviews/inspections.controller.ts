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
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
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

@ApiTags('inspections')
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  /** Plans an inspection of a licensed site of the inspector's authority → PLANNED. */
  @Post()
  @Roles('inspector')
  @ApiCreatedResponse({ description: 'The inspection, PLANNED' })
  async create(@Body() dto: CreateInspectionDto, @CurrentUser() inspector: AuthenticatedUser) {
    return inspectionView(await this.inspections.create(dto, inspector));
  }

  @Get()
  @Roles(...ROLES)
  async list(@Query() q: InspectionsQuery, @CurrentUser() user: AuthenticatedUser) {
    const page = await this.inspections.list(user, q);
    return { ...page, items: page.items.map(inspectionView) };
  }

  @Get(':id')
  @Roles(...ROLES)
  async get(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return inspectionView(await this.inspections.get(id, user));
  }

  @Get(':id/history')
  @Roles(...ROLES)
  history(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.inspections.historyOf(id, user);
  }

  @Get(':id/transitions')
  @Roles(...ROLES)
  @ApiOkResponse({ type: AllowedTransitionsDto })
  allowed(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.inspections.allowed(id, user);
  }

  /** START, COMPLETE (findings and conclusion required; remedies optional) or CANCEL (reason). */
  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('inspector')
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
  @ApiCreatedResponse({ description: 'The stored document' })
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
  documents(@Param('id', UuidParam) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.inspections.documentsOf(id, user);
  }

  @Get(':id/documents/:docId/content')
  @Roles(...ROLES)
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
