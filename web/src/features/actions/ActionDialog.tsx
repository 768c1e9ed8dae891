import { Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiProblem } from '../../api/client';
import type { Requirement } from '../../api/views';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/vi';
import type { EventInputs, InputField } from './event-inputs';

export interface ActionValues {
  reason?: string;
  items?: string;
  note?: string;
  recommendation?: 'APPROVE' | 'REJECT';
  checklist?: { kind: string; satisfied: boolean; note?: string }[];
  decisionNumber?: string;
  until?: string;
}

/** The request body members of an event, from what the dialog collected (only the event's own inputs). */
export function bodyOf(inputs: EventInputs, v: ActionValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of [...inputs.required, ...inputs.optional]) {
    const value = v[f];
    if (f === 'items') {
      const items = (v.items ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length) body.items = items;
    } else if (f === 'checklist') {
      body.checklist = (v.checklist ?? []).map((e) => ({
        kind: e.kind,
        satisfied: Boolean(e.satisfied),
        ...(e.note?.trim() ? { note: e.note.trim() } : {}),
      }));
    } else if (typeof value === 'string') {
      if (value.trim()) body[f] = value.trim();
    } else if (value !== undefined) body[f] = value;
  }
  return body;
}

function complete(inputs: EventInputs, v: ActionValues): boolean {
  return inputs.required.every((f) => {
    if (f === 'checklist') return (v.checklist ?? []).length > 0;
    const value = v[f];
    return typeof value === 'string' ? value.trim().length > 0 : value !== undefined;
  });
}

/** API field names (`items[0]`, `checklist.1.note`) → the dialog's field. */
function fieldOf(apiField: string): InputField | null {
  const head = apiField.split(/[.[]/)[0];
  const known: InputField[] = ['reason', 'items', 'note', 'recommendation', 'checklist', 'decisionNumber', 'until'];
  return known.find((k) => k === head) ?? null;
}

interface Props {
  event: string;
  inputs: EventInputs;
  /** The consequence of the action, said in the dialog's body. */
  consequence?: MessageKey;
  requirements?: Requirement[];
  initial?: ActionValues;
  open: boolean;
  onCancel(): void;
  /** Fires the event; throws an ApiProblem on refusal. */
  onSubmit(body: Record<string, unknown>): Promise<void>;
  /** Called on 409: the record changed; the parent reloads it, the dialog keeps what was typed. */
  onConflict(): void;
}

/**
 * One dialog per event: title = the action, body = its consequence, then exactly the event's inputs. Submit stays
 * disabled until the required inputs are filled; the API's answer decides, and its field errors are shown under
 * each field. On 409 the page reloads the dossier and the dialog keeps the typed text.
 */
export function ActionDialog(props: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  const values = Form.useWatch([], form) ?? {};
  const [problem, setProblem] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = useMemo(() => [...props.inputs.required, ...props.inputs.optional], [props.inputs]);
  const required = (f: InputField) => props.inputs.required.includes(f);

  useEffect(() => {
    if (props.open) {
      form.resetFields();
      form.setFieldsValue(props.initial ?? {});
      setProblem(null);
      setConflict(false);
    }
    // Only when the dialog opens: a reload behind it must not wipe what is typed.
  }, [props.open]);

  async function submit() {
    setBusy(true);
    setProblem(null);
    setConflict(false);
    try {
      await props.onSubmit(bodyOf(props.inputs, form.getFieldsValue(true) as ActionValues));
    } catch (e) {
      if (e instanceof ApiProblem && e.isConflict) {
        setConflict(true);
        props.onConflict();
      } else {
        setProblem(e);
        if (e instanceof ApiProblem) {
          form.setFields(
            e.errors
              .map((x) => ({ f: fieldOf(x.field), message: x.message }))
              .filter((x): x is { f: InputField; message: string } => x.f !== null)
              .map((x) => ({ name: x.f, errors: [x.message] })),
          );
        }
      }
    } finally {
      setBusy(false);
    }
  }

  const title = t(`event.${props.event}` as MessageKey);
  return (
    <Modal
      open={props.open}
      title={title}
      onCancel={props.onCancel}
      onOk={() => void submit()}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: props.inputs.danger, disabled: !complete(props.inputs, values), loading: busy }}
      width={fields.includes('checklist') ? 760 : 520}
      forceRender
    >
      {props.consequence && <Typography.Paragraph>{t(props.consequence)}</Typography.Paragraph>}
      {conflict && (
        <Typography.Paragraph type="warning" role="alert">
          {t('dossier.conflict')}
        </Typography.Paragraph>
      )}
      <ProblemAlert error={problem} />
      <Form form={form} layout="vertical" requiredMark>
        {fields.includes('recommendation') && (
          <Form.Item name="recommendation" label={t('form.recommendation')} required={required('recommendation')}>
            <Radio.Group
              options={[
                { value: 'APPROVE', label: t('form.recommend.APPROVE') },
                { value: 'REJECT', label: t('form.recommend.REJECT') },
              ]}
            />
          </Form.Item>
        )}
        {fields.includes('checklist') && (
          <fieldset className="checklist">
            <legend>
              {t('form.checklist')}
              {required('checklist') && <span className="visually-hidden"> ({t('common.required')})</span>}
            </legend>
            {(props.requirements ?? []).map((r, i) => {
              const title = lang === 'vi' ? r.title : r.titleEn;
              return (
                <div className="checklist-row" key={r.kind}>
                  <span>{title}</span>
                  <Form.Item name={['checklist', i, 'kind']} hidden initialValue={r.kind}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={['checklist', i, 'satisfied']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={`${t('form.satisfied')}: ${title}`}>{t('form.satisfied')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={['checklist', i, 'note']} noStyle>
                    <Input aria-label={t('form.checklistNote', { title })} maxLength={2000} />
                  </Form.Item>
                </div>
              );
            })}
          </fieldset>
        )}
        {fields.includes('items') && (
          <Form.Item name="items" label={t('form.items')} extra={t('form.itemsHelp')} required={required('items')}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
        )}
        {fields.includes('until') && (
          <Form.Item name="until" label={t('form.until')} required={required('until')}>
            <Input type="date" />
          </Form.Item>
        )}
        {fields.includes('decisionNumber') && (
          <Form.Item name="decisionNumber" label={t('form.decisionNumber')} required={required('decisionNumber')}>
            <Input maxLength={80} placeholder="12/QĐ-STTTT" />
          </Form.Item>
        )}
        {fields.includes('reason') && (
          <Form.Item name="reason" label={t('form.reason')} required={required('reason')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
        {fields.includes('note') && (
          <Form.Item name="note" label={t('form.note')} required={required('note')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
