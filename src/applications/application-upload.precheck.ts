import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { UploadPrecheck } from '../documents/document-upload';
import { ApplicationsService } from './applications.service';

/** A dossier's upload is checked (visible, editable, kind, quota) before a byte of the file is stored. */
@Injectable()
export class ApplicationUploadPrecheck implements UploadPrecheck {
  constructor(private readonly applications: ApplicationsService) {}

  beforeUpload(req: Request, kind?: string): Promise<void> {
    const user = (req as Request & { user: AuthenticatedUser }).user;
    return this.applications.checkUpload(String(req.params.id), user, kind);
  }
}
