import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LegalParametersService } from '../legal/legal-parameters.service';

/** The legal figures of content requests in force on a day, with their basis. */
export interface ContentRequestFigures {
  /** Hours within which unlawful content is removed after a request (counted on the clock, not in working days). */
  removalHours: number;
  /** Working days given to correct, when the request does not say. */
  correctionWorkingDays: number;
  basis: { removalHours: string; correctionWorkingDays: string };
}

/**
 * The one place where content requests read their legal figures: `CONTENT_REMOVAL_HOURS` and
 * `CONTENT_CORRECTION_WORKING_DAYS` as in force on the request's day (effective-dated data, `GET /legal-parameters`).
 */
@Injectable()
export class ContentRequestDeadlines {
  constructor(private readonly legal: LegalParametersService) {}

  async figuresOn(em: EntityManager, authorityId: string, on: string): Promise<ContentRequestFigures> {
    const removal = await this.legal.versionOn('CONTENT_REMOVAL_HOURS', on, authorityId, em);
    const correction = await this.legal.versionOn('CONTENT_CORRECTION_WORKING_DAYS', on, authorityId, em);
    return {
      removalHours: Number(removal.value),
      correctionWorkingDays: Number(correction.value),
      basis: { removalHours: removal.basis, correctionWorkingDays: correction.basis },
    };
  }
}
