import { Module } from '@nestjs/common';
import { PdfService } from './pdf.service';

/** Renders the official documents (license, inspection record, change-notice confirmation) as PDF. */
@Module({ providers: [PdfService], exports: [PdfService] })
export class PdfModule {}
