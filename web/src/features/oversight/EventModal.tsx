import { Form, Modal, Typography, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiProblem } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/vi';

interface Props<V> {
  /** The dialog's title and its confirm button (the action's label). */
  title: string;
  consequence?: MessageKey;
  danger?: boolean;
  form: FormInstance<V>;
  /** Whether the required inputs are all given (the confirm button stays disabled until then). */
  complete: boolean;
  onCancel(): void;
  /** Sends the request from the form's values; throws an ApiProblem on refusal. */
  onSubmit(values: V): Promise<void>;
  /** 409: the record changed; the parent reloads it and the dialog keeps what was typed. */
  onConflict(): void;
  children?: ReactNode;
  initial?: Partial<V>;
}

/**
 * The inspection and violation dialogs (same behaviour as the dossier's ActionDialog, with their own inputs): the
 * consequence, the inputs, Submit disabled until the required ones are given, the problem+json answer with its
 * field errors under the fields, and on 409 a reload behind a dialog that keeps what was typed.
 */
export function EventModal<V extends object>(props: Props<V>) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    props.form.resetFields();
    if (props.initial) props.form.setFieldsValue(props.initial as never);
    // Only when the dialog opens.
  }, []);

  async function submit() {
    setBusy(true);
    setProblem(null);
    setConflict(false);
    try {
      await props.onSubmit(props.form.getFieldsValue(true) as V);
    } catch (e) {
      if (e instanceof ApiProblem && e.isConflict) {
        setConflict(true);
        props.onConflict();
      } else {
        setProblem(e);
        if (e instanceof ApiProblem) {
          const known = new Set(Object.keys(props.form.getFieldsValue(true) as object));
          props.form.setFields(
            e.errors
              .map((x) => ({ name: x.field.split(/[.[]/)[0], message: x.message }))
              .filter((x) => known.has(x.name))
              .map((x) => ({ name: x.name as never, errors: [x.message] })),
          );
        }
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onCancel}
      onOk={() => void submit()}
      okText={props.title}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.danger, disabled: !props.complete, loading: busy }}
      width={640}
      forceRender
    >
      {props.consequence && <Typography.Paragraph>{t(props.consequence)}</Typography.Paragraph>}
      {conflict && (
        <Typography.Paragraph type="warning" role="alert">
          {t('dossier.conflict')}
        </Typography.Paragraph>
      )}
      <ProblemAlert error={problem} />
      <Form form={props.form} layout="vertical" requiredMark>
        {props.children}
      </Form>
    </Modal>
  );
}

/** Lines of a text area → the non-empty trimmed items. */
export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function filled(v: unknown): boolean {
  return typeof v === 'string' ? v.trim().length > 0 : v !== undefined && v !== null;
}
