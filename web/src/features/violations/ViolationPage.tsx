import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Empty, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, read } from '../../api/client';
import type { components } from '../../api/openapi';
import type { AllowedTransitions } from '../../api/views';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ViolationStateTag } from '../../components/StateTag';
import { useCodeLabel, useI18n } from '../../i18n';
import { formatDate, formatVnd } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';
import { EventModal, filled } from '../oversight/EventModal';
import { useLicenseChoices } from '../oversight/licenses';

type Violation = components['schemas']['ViolationView'];

interface EventValues {
  fineAmount?: number;
  decisionNumber?: string;
  remedyDueOn?: string;
  reason?: string;
}

/** What each event's request takes (ViolationTransitionDto); which events are offered is the API's answer. */
const REQUIRED: Record<string, (keyof EventValues)[]> = {
  SANCTION: ['fineAmount', 'decisionNumber'],
  DISMISS: ['reason'],
  CONFIRM_REMEDIED: [],
  ESCALATE: [],
};
const DANGER = new Set(['DISMISS', 'ESCALATE']);

function bodyOf(event: string, v: EventValues): Record<string, unknown> {
  if (event === 'SANCTION') {
    return {
      fineAmount: v.fineAmount,
      decisionNumber: v.decisionNumber?.trim(),
      ...(v.remedyDueOn ? { remedyDueOn: v.remedyDueOn } : {}),
    };
  }
  return v.reason?.trim() ? { reason: v.reason.trim() } : {};
}

function ViolationEventDialog(props: {
  event: string;
  violation: Violation;
  version: number;
  onDone(): Promise<void>;
  onCancel(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const v = Form.useWatch([], form) ?? {};
  const range = props.violation.applicableFineRange;
  // The range shown is the API's (the entry in force on the day of detection, for this offender); the API checks again.
  const inRange = (n: number | undefined) => n === undefined || !range || (n >= range.minFine && n <= range.maxFine);
  const required = REQUIRED[props.event] ?? [];
  const complete = required.every((f) => filled(v[f])) && inRange(v.fineAmount);
  const title = t(`violation.event.${props.event}` as MessageKey);
  return (
    <EventModal<EventValues>
      title={title}
      consequence={`violation.consequence.${props.event}` as MessageKey}
      danger={DANGER.has(props.event)}
      form={form}
      complete={complete}
      onCancel={props.onCancel}
      onConflict={props.onConflict}
      onSubmit={async (x) => {
        await read(
          api.POST('/api/v1/violations/{id}/transitions', {
            params: { path: { id: props.violation.id } },
            body: { event: props.event, version: props.version, ...bodyOf(props.event, x) } as never,
          }),
        );
        message.success(t('dossier.done', { action: title }));
        await props.onDone();
      }}
    >
      {props.event === 'SANCTION' && (
        <>
          <Form.Item
            name="fineAmount"
            label={t('violation.fineAmount')}
            required
            extra={
              range
                ? t('violation.fineRange', { min: formatVnd(range.minFine), max: formatVnd(range.maxFine) })
                : undefined
            }
            validateStatus={inRange(v.fineAmount) ? undefined : 'error'}
            help={inRange(v.fineAmount) ? undefined : t('violation.fineOutOfRange')}
          >
            <InputNumber<number>
              min={0}
              step={1000}
              style={{ width: 240 }}
              precision={0}
              formatter={(n) =>
                n === undefined || n === null || String(n) === '' ? '' : Number(n).toLocaleString('vi-VN')
              }
              parser={(s) => Number((s ?? '').replace(/\D/g, ''))}
              addonAfter="₫"
            />
          </Form.Item>
          <Form.Item name="decisionNumber" label={t('form.decisionNumber')} required>
            <Input maxLength={100} placeholder="15/QĐ-XPHC" />
          </Form.Item>
          <Form.Item name="remedyDueOn" label={t('violation.remedyDueOn')}>
            <Input type="date" min={props.violation.detectedOn} />
          </Form.Item>
        </>
      )}
      {(props.event === 'DISMISS' || props.event === 'ESCALATE') && (
        <Form.Item name="reason" label={t('form.reason')} required={props.event === 'DISMISS'}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      )}
    </EventModal>
  );
}

export default function ViolationPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const label = useCodeLabel();
  const qc = useQueryClient();
  const licenses = useLicenseChoices();
  const [event, setEvent] = useState<string | null>(null);
  const violation = useQuery({
    queryKey: ['violation', id],
    queryFn: () => read<Violation>(api.GET('/api/v1/violations/{id}', { params: { path: { id } } })),
  });
  const transitions = useQuery({
    queryKey: ['violation', id, 'transitions'],
    queryFn: () =>
      read<AllowedTransitions>(api.GET('/api/v1/violations/{id}/transitions', { params: { path: { id } } })),
  });

  if (violation.isPending) return <Loading />;
  const v = violation.data;
  if (!v) {
    const notFound = violation.error instanceof ApiProblem && violation.error.status === 404;
    return notFound ? <Empty description={t('common.notFound')} /> : <ProblemAlert error={violation.error} />;
  }
  const reload = () => qc.invalidateQueries({ queryKey: ['violation', id] });
  const allowed = transitions.data?.allowed ?? [];
  const typeTitle = v.type ? (lang === 'vi' ? v.type.title : v.type.titleEn) : v.typeCode;
  const range = v.applicableFineRange;

  return (
    <>
      <header className="dossier-header">
        <Typography.Title level={1} className="page-title">
          {t('violation.title', { type: typeTitle })}
        </Typography.Title>
        <Space wrap>
          <ViolationStateTag state={v.state} />
          <span>{formatDate(v.detectedOn)}</span>
        </Space>
        <section className="dossier-actions" aria-label={t('dossier.actions')}>
          <Space wrap style={{ marginTop: 12 }}>
            {allowed.map((ev) => (
              <Button key={ev} danger={DANGER.has(ev)} onClick={() => setEvent(ev)}>
                {t(`violation.event.${ev}` as MessageKey)}
              </Button>
            ))}
          </Space>
        </section>
      </header>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('inspection.license')}>
          {v.licenseId ? <Link to={`/licenses/${v.licenseId}`}>{licenses.numberOf(v.licenseId)}</Link> : '—'}
        </Descriptions.Item>
        {v.inspectionId && (
          <Descriptions.Item label={t('violation.inspection')}>
            <Link to={`/inspections/${v.inspectionId}`}>{t('common.open')}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('violation.type')}>
          {typeTitle} ({v.typeCode})
        </Descriptions.Item>
        {v.type && (
          <Descriptions.Item label={t('violation.legalBasis')}>
            {t('violation.entryInForce', { from: formatDate(v.typeEffectiveFrom), basis: v.type.legalBasis })}
          </Descriptions.Item>
        )}
        {range && (
          <Descriptions.Item label={t('violation.fineRangeLabel')}>
            {t('violation.fineRange', { min: formatVnd(range.minFine), max: formatVnd(range.maxFine) })} (
            {label('violation.offender', range.offenderKind)})
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('violation.description')}>{v.description}</Descriptions.Item>
        <Descriptions.Item label={t('violation.detectedOn')}>{formatDate(v.detectedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('violation.state')}>
          <ViolationStateTag state={v.state} />
        </Descriptions.Item>
        {v.fineAmount !== null && (
          <Descriptions.Item label={t('violation.fineAmount')}>{formatVnd(v.fineAmount)}</Descriptions.Item>
        )}
        {v.decisionNumber && <Descriptions.Item label={t('form.decisionNumber')}>{v.decisionNumber}</Descriptions.Item>}
        {v.remedyDueOn && (
          <Descriptions.Item label={t('violation.remedyDueOn')}>{formatDate(v.remedyDueOn)}</Descriptions.Item>
        )}
      </Descriptions>
      {event && (
        <ViolationEventDialog
          event={event}
          violation={v}
          version={transitions.data?.version ?? v.version}
          onCancel={() => setEvent(null)}
          onConflict={() => void reload()}
          onDone={async () => {
            setEvent(null);
            await Promise.all([reload(), qc.invalidateQueries({ queryKey: ['violations'] })]);
          }}
        />
      )}
    </>
  );
}
