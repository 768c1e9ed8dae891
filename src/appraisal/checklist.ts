import { DomainError } from '../common/domain-error';

export const RECOMMENDATIONS = ['APPROVE', 'REJECT'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** One line of the appraiser's checklist: a requirement of the dossier, satisfied or not, with a note. */
export interface ChecklistEntry {
  kind: string;
  satisfied: boolean;
  note?: string;
}

export interface ChecklistRequirement {
  kind: string;
  required: boolean;
}

export interface ChecklistReview {
  missing: string[];
  unknown: string[];
  duplicate: string[];
  /** Required kinds marked not satisfied. */
  unsatisfied: string[];
}

/** Compares a checklist with the requirements of the dossier's type. Pure. */
export function reviewChecklist(
  entries: readonly ChecklistEntry[],
  requirements: readonly ChecklistRequirement[],
): ChecklistReview {
  const kinds = new Set(requirements.map((r) => r.kind));
  const seen = new Set<string>();
  const duplicate = new Set<string>();
  const unknown = new Set<string>();
  for (const e of entries) {
    if (!kinds.has(e.kind)) unknown.add(e.kind);
    else if (seen.has(e.kind)) duplicate.add(e.kind);
    seen.add(e.kind);
  }
  const missing = requirements.filter((r) => !seen.has(r.kind)).map((r) => r.kind);
  const unsatisfied = requirements
    .filter((r) => r.required && entries.some((e) => e.kind === r.kind && !e.satisfied))
    .map((r) => r.kind);
  return { missing, unknown: [...unknown], duplicate: [...duplicate], unsatisfied };
}

/**
 * The RECOMMEND guard: exactly one checklist entry per requirement of the type (422 CHECKLIST_INCOMPLETE), and no
 * recommendation to approve while a required document is found wanting (422 CHECKLIST_NOT_SATISFIED).
 */
export function assertChecklist(
  recommendation: Recommendation,
  entries: readonly ChecklistEntry[],
  requirements: readonly ChecklistRequirement[],
): void {
  const r = reviewChecklist(entries, requirements);
  if (r.missing.length || r.unknown.length || r.duplicate.length) {
    throw DomainError.rule(
      'CHECKLIST_INCOMPLETE',
      'The checklist needs exactly one entry per requirement of the type',
      {
        errors: [
          ...r.missing.map((k) => ({ field: 'checklist', message: `no entry for ${k}` })),
          ...r.unknown.map((k) => ({ field: 'checklist', message: `${k} is not a requirement of this type` })),
          ...r.duplicate.map((k) => ({ field: 'checklist', message: `${k} is listed more than once` })),
        ],
        extensions: { missing: r.missing, unknown: r.unknown, duplicate: r.duplicate },
      },
    );
  }
  if (recommendation === 'APPROVE' && r.unsatisfied.length) {
    throw DomainError.rule(
      'CHECKLIST_NOT_SATISFIED',
      'A dossier cannot be recommended for approval while a required document is not satisfied',
      { extensions: { unsatisfied: r.unsatisfied } },
    );
  }
}
