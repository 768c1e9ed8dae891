import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  PauseCircleOutlined,
} from '@ant-design/icons';
import type { Deadline } from '../api/views';
import { useI18n } from '../i18n';
import { formatDate } from '../i18n/format';

/**
 * The statutory time limit as the API computed it (working days from the holiday calendar): colour, icon and words
 * together, so that it reads without colour. Green above 3 working days, amber at 3 or fewer, red when overdue,
 * grey while paused for a supplement or not started.
 */
export function DeadlineTag({ deadline }: { deadline: Deadline | null }) {
  const { t } = useI18n();
  if (!deadline) {
    return <span className="deadline deadline-none">{t('deadline.notStarted')}</span>;
  }
  const due = formatDate(deadline.dueAt);
  if (deadline.paused) {
    return (
      <span className="deadline deadline-paused">
        <PauseCircleOutlined aria-hidden /> {t('deadline.paused')}
      </span>
    );
  }
  if (deadline.overdue) {
    return (
      <span className="deadline deadline-overdue">
        <ExclamationCircleOutlined aria-hidden /> {t('deadline.overdue', { date: due })}
      </span>
    );
  }
  const soon = deadline.workingDaysLeft <= 3;
  return (
    <span className={`deadline ${soon ? 'deadline-soon' : 'deadline-ok'}`} title={t('deadline.dueOn', { date: due })}>
      {soon ? <ClockCircleOutlined aria-hidden /> : <CheckCircleOutlined aria-hidden />}{' '}
      {deadline.workingDaysLeft === 1 && soon
        ? t('deadline.dueToday')
        : t('deadline.left', { n: deadline.workingDaysLeft })}
      <span className="visually-hidden"> ({t('deadline.dueOn', { date: due })})</span>
    </span>
  );
}
