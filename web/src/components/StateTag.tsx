import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useCodeLabel } from '../i18n';

/** Tones with text dark enough on their tint for WCAG AA (Ant Design's preset tag colours are not). */
export type Tone = 'green' | 'orange' | 'red' | 'blue' | 'purple' | 'gold' | 'grey';

export function Pill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag className={`pill pill-${tone}`}>{children}</Tag>;
}

const APPLICATION_TONES: Record<string, Tone> = {
  SUBMITTED: 'blue',
  IN_REVIEW: 'blue',
  SUPPLEMENT_REQUESTED: 'gold',
  IN_APPRAISAL: 'purple',
  PENDING_DECISION: 'orange',
  APPROVED: 'green',
  REJECTED: 'red',
  RETURNED: 'grey',
  WITHDRAWN: 'grey',
};
const LICENSE_TONES: Record<string, Tone> = {
  ACTIVE: 'green',
  SUSPENDED: 'orange',
  REVOKED: 'red',
  EXPIRED: 'grey',
  TERMINATED: 'grey',
};

export function StateTag({ state }: { state: string }) {
  const label = useCodeLabel();
  return <Pill tone={APPLICATION_TONES[state] ?? 'grey'}>{label('state', state)}</Pill>;
}

export function LicenseStatusTag({ status }: { status: string }) {
  const label = useCodeLabel();
  return <Pill tone={LICENSE_TONES[status] ?? 'grey'}>{label('license.status', status)}</Pill>;
}

const INSPECTION_TONES: Record<string, Tone> = {
  PLANNED: 'blue',
  IN_PROGRESS: 'purple',
  COMPLETED: 'green',
  CANCELLED: 'grey',
};
const VIOLATION_TONES: Record<string, Tone> = {
  OPEN: 'orange',
  SANCTIONED: 'red',
  RESOLVED: 'green',
  DISMISSED: 'grey',
  ESCALATED: 'purple',
};

export function InspectionStateTag({ state }: { state: string }) {
  const label = useCodeLabel();
  return <Pill tone={INSPECTION_TONES[state] ?? 'grey'}>{label('inspection.state', state)}</Pill>;
}

export function ViolationStateTag({ state }: { state: string }) {
  const label = useCodeLabel();
  return <Pill tone={VIOLATION_TONES[state] ?? 'grey'}>{label('violation.state', state)}</Pill>;
}
