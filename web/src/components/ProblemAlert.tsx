import { Alert } from 'antd';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';

/** A problem+json answer: its detail, and the field errors it names (the form also shows them under each field). */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const p = error instanceof ApiProblem ? error : null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="form-alert"
      title={p ? p.detail : t('common.problem')}
      description={
        p && p.errors.length > 0 ? (
          <>
            {t('common.fieldErrors')}
            <ul>
              {p.errors.map((e) => (
                <li key={`${e.field}:${e.message}`}>
                  <code>{e.field}</code>: {e.message}
                </li>
              ))}
            </ul>
          </>
        ) : undefined
      }
    />
  );
}
