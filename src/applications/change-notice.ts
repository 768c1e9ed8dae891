import { compareIsoDate, IsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { DomainError, FieldError } from '../common/domain-error';
import type { ApplicationType, ChangeNoticeParticulars } from './approval.port';

/** What a request may carry as `changeNotice` (validated for types by the DTO). */
export interface ChangeNoticeInput {
  changedOn?: string;
  newOwner?: string | null;
  newHeadOfficeAddress?: string | null;
}

function text(s: string | null | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

/**
 * The notice's shape: only a CHANGE_NOTICE carries one, and it must (400 otherwise); it names the date of the change
 * and at least one of the new owner and the new head-office address. Returns the trimmed particulars.
 */
export function checkChangeNoticeShape(
  type: ApplicationType,
  input: ChangeNoticeInput | null | undefined,
): ChangeNoticeParticulars | null {
  if (type !== 'CHANGE_NOTICE') {
    if (input) {
      throw DomainError.validation(`A ${type} dossier carries no change notice`, [
        { field: 'changeNotice', message: 'only for type CHANGE_NOTICE' },
      ]);
    }
    return null;
  }
  if (!input) {
    throw DomainError.validation('A change notice states the change', [
      { field: 'changeNotice', message: 'required for type CHANGE_NOTICE' },
    ]);
  }
  const errors: FieldError[] = [];
  if (!input.changedOn) errors.push({ field: 'changeNotice.changedOn', message: 'required' });
  const newOwner = text(input.newOwner);
  const newHeadOfficeAddress = text(input.newHeadOfficeAddress);
  if (!newOwner && !newHeadOfficeAddress) {
    errors.push({ field: 'changeNotice', message: 'name a newOwner or a newHeadOfficeAddress (or both)' });
  }
  if (errors.length) throw DomainError.validation('The change notice is incomplete', errors);
  return {
    changedOn: input.changedOn as string,
    ...(newOwner ? { newOwner } : {}),
    ...(newHeadOfficeAddress ? { newHeadOfficeAddress } : {}),
  };
}

/** A change is notified after it happened: `changedOn` is not after `today` (the authority's calendar date). */
export function checkChangedOn(notice: ChangeNoticeParticulars, today: IsoDate): void {
  if (compareIsoDate(notice.changedOn, today) > 0) {
    throw DomainError.rule('CHANGE_DATE_IN_FUTURE', 'A change is notified once it has happened', {
      errors: [{ field: 'changeNotice.changedOn', message: `must be ${today} or earlier` }],
    });
  }
}

export interface Lateness {
  /** The last day to notify: the 10th working day after the change. */
  dueOn: IsoDate;
  late: boolean;
  /** Working days after `dueOn` up to the filing day; 0 when on time. */
  lateByWorkingDays: number;
}

/**
 * Whether a notice filed on `filedOn` is late (within `periodWorkingDays` of the change: the legal parameter
 * CHANGE_NOTICE_WORKING_DAYS, 10 in Decree 72/2013 art. 23h, carried over to Decree 147/2024;
 * Civil Code 2015 art. 147–148: day 1 is the day after the change, the period ends with its last day). A notice
 * filed on a non-working day counts as received on the next working day, so a filing on the Saturday after a
 * Friday deadline is late by 1.
 */
export function latenessOf(
  calendar: WorkingDayCalendar,
  changedOn: IsoDate,
  filedOn: IsoDate,
  periodWorkingDays: number,
): Lateness {
  const dueOn = calendar.addWorkingDays(changedOn, periodWorkingDays);
  const received = calendar.isWorkingDay(filedOn) ? filedOn : calendar.nextWorkingDay(filedOn);
  const lateByWorkingDays = calendar.workingDaysBetween(dueOn, received);
  return { dueOn, late: lateByWorkingDays > 0, lateByWorkingDays };
}
