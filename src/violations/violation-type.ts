/** One version of a catalogue entry, as stored (`violation_types`). */
export interface ViolationType {
  code: string;
  effectiveFrom: string;
  titleVi: string;
  titleEn: string;
  legalBasis: string;
  minFine: number;
  maxFine: number;
  additionalMeasures: string[];
  remedialMeasures: string[];
  grave: boolean;
  verified: boolean;
  /** The text, article and clause the entry rests on (e.g. Nghị định 119/2020/NĐ-CP, Điều 20, khoản 2 điểm a). */
  sourceText: string;
  article: string | null;
  clause: string | null;
  /** Months of deprivation of the right to use the license the entry allows; null: none. */
  deprivationMinMonths: number | null;
  deprivationMaxMonths: number | null;
  createdAt: Date;
}

/** An individual pays half of an organization's fine (Decree 119/2020, art. 4; docs/legal-basis.md, "Violations and fines"). */
export function individualFine(organizationFine: number): number {
  return Math.floor(organizationFine / 2);
}

/** What `GET /violation-types` shows of an entry. */
export function violationTypeView(t: ViolationType) {
  return {
    code: t.code,
    title: t.titleVi,
    titleEn: t.titleEn,
    legalBasis: t.legalBasis,
    minFine: t.minFine,
    maxFine: t.maxFine,
    individualMinFine: fineRangeFor(t, 'INDIVIDUAL').minFine,
    individualMaxFine: fineRangeFor(t, 'INDIVIDUAL').maxFine,
    additionalMeasures: t.additionalMeasures,
    remedialMeasures: t.remedialMeasures,
    grave: t.grave,
    verified: t.verified,
    effectiveFrom: t.effectiveFrom,
    sourceText: t.sourceText,
    article: t.article,
    clause: t.clause,
    deprivationMonths:
      t.deprivationMinMonths !== null && t.deprivationMaxMonths !== null
        ? { min: t.deprivationMinMonths, max: t.deprivationMaxMonths }
        : null,
  };
}

export const OFFENDER_KINDS = ['ORGANIZATION', 'INDIVIDUAL'] as const;
export type OffenderKind = (typeof OFFENDER_KINDS)[number];

/**
 * The fine range that applies to an offender: the entry's range for an organization, half of it for an individual
 * (Decree 119/2020 art. 4(1); Decree 15/2020 art. 4(2): "mức phạt tiền đối với cá nhân bằng 1/2 mức phạt tiền đối với
 * tổ chức").
 */
export function fineRangeFor(
  t: Pick<ViolationType, 'minFine' | 'maxFine'>,
  offender: OffenderKind,
): { minFine: number; maxFine: number; offenderKind: OffenderKind } {
  if (offender === 'INDIVIDUAL') {
    // whole VND inside half the range: the lower bound rounds up, the upper down
    return { minFine: Math.ceil(t.minFine / 2), maxFine: individualFine(t.maxFine), offenderKind: offender };
  }
  return { minFine: t.minFine, maxFine: t.maxFine, offenderKind: offender };
}

/** A fine is lawful when it lies inside the range that applies to the offender (bounds included). */
export function fineInRange(
  t: Pick<ViolationType, 'minFine' | 'maxFine'>,
  amount: number,
  offender: OffenderKind = 'ORGANIZATION',
): boolean {
  const r = fineRangeFor(t, offender);
  return Number.isInteger(amount) && amount >= r.minFine && amount <= r.maxFine;
}
