import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The legal figures of content requests in force on a day, with their basis. */
export interface ContentRequestFigures {
  /** Hours within which unlawful content is removed after a request (counted on the clock, not in working days). */
  removalHours: number;
  /** Working days given to correct, when the request does not say. */
  correctionWorkingDays: number;
  basis: { removalHours: string; correctionWorkingDays: string };
}

/**
 * THE ONE PLACE where content requests read their legal figures. Today the law's values with their basis; when the
 * effective-dated `legal-parameters` module is merged, this body reads `CONTENT_REMOVAL_HOURS` (and the correction
 * period) in force on `on` for the authority instead, and nothing else changes.
 */
@Injectable()
export class ContentRequestDeadlines {
  async figuresOn(_em: EntityManager, _authorityId: string, _on: string): Promise<ContentRequestFigures> {
    return {
      // the license's obligations and Decree 147/2024 (as Decree 72/2013 art. 23d(2)(c) before it): within 3 hours
      removalHours: 3,
      // Decree 72/2013 art. 23(11)(b): a condition not met is to be fixed within 10 working days of a written request
      correctionWorkingDays: 10,
      basis: {
        removalHours: 'Nghị định 147/2024/NĐ-CP; Nghị định 72/2013/NĐ-CP, Điều 23d(2)(c) (unverified against 147)',
        correctionWorkingDays: 'Nghị định 72/2013/NĐ-CP, Điều 23(11)(b) (unverified against 147)',
      },
    };
  }
}
