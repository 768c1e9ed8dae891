import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiProblem, apiUrl, read } from '../../api/client';
import type { components } from '../../api/openapi';
import type { AllowedTransitions } from '../../api/views';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { InspectionStateTag } from '../../components/StateTag';
import { useCodeLabel, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';
import { EventModal, filled, lines } from '../oversight/EventModal';
import { useLicenseChoices } from '../oversight/licenses';

type Inspection = components['schemas']['InspectionView'];

interface EventValues {
  findings?: string;
  conclusion?: string;
  remedies?: { description?: string; dueOn?: string }[];
  reason?: string;
}

/** What each event's request takes (InspectionTransitionDto); which events are offered is the API's answer. */
const REQUIRED: Record<string, (keyof EventValues)[]> = {
  START: [],
  COMPLETE: ['findings', 'conclusion'],
  CANCEL: ['reason'],
};

function bodyOf(event: string, v: EventValues): Record<string, unknown> {
  if (event === 'COMPLETE') {
    const remedies = (v.remedies ?? [])
      .filter((r) => r?.description?.trim())
      .map((r) => ({ description: r.description!.trim(), ...(r.dueOn ? { dueOn: r.dueOn } : {}) }));
    return { findings: lines(v.findings), conclusion: v.conclusion?.trim(), ...(remedies.length ? { remedies } : {}) };
  }
  if (event === 'CANCEL') return { reason: v.reason?.trim() };
  return {};
}

function InspectionEventDialog(props: {
  event: string;
  version: number;
  id: string;
  onDone(): Promise<void>;
  onCancel(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EventValues>();
  const v = Form.useWatch([], form) ?? {};
  const required = REQUIRED[props.event] ?? [];
  const complete = required.every((f) => (f === 'findings' ? lines(v.findings).length > 0 : filled(v[f])));
  const title = t(`inspection.event.${props.event}` as MessageKey);
  return (
    <EventModal<EventValues>
      title={title}
      consequence={`inspection.consequence.${props.event}` as MessageKey}
      danger={props.event === 'CANCEL'}
      form={form}
      complete={complete}
      onCancel={props.onCancel}
      onConflict={props.onConflict}
      onSubmit={async (x) => {
        await read(
          api.POST('/api/v1/inspections/{id}/transitions', {
            params: { path: { id: props.id } },
            body: { event: props.event, version: props.version, ...bodyOf(props.event, x) } as never,
          }),
        );
        message.success(t('dossier.done', { action: title }));
        await props.onDone();
      }}
    >
      {props.event === 'COMPLETE' && (
        <>
          <Form.Item name="findings" label={t('inspection.findings')} extra={t('form.itemsHelp')} required>
            <Input.TextArea rows={4} maxLength={40000} />
          </Form.Item>
          <Form.Item name="conclusion" label={t('inspection.conclusion')} required>
            <Input.TextArea rows={3} maxLength={8000} />
          </Form.Item>
          <fieldset className="checklist">
            <legend>{t('inspection.remedies')}</legend>
            <Form.List name="remedies">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="start" wrap>
                      <Form.Item name={[f.name, 'description']} label={t('inspection.remedy', { n: i + 1 })}>
                        <Input maxLength={2000} style={{ minWidth: 280 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'dueOn']} label={t('inspection.remedyDueOn')}>
                        <Input type="date" />
                      </Form.Item>
                      <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>
                        {t('inspection.removeRemedy')}
                      </Button>
                    </Space>
                  ))}
                  <Button onClick={() => add({})}>{t('inspection.addRemedy')}</Button>
                </>
              )}
            </Form.List>
          </fieldset>
        </>
      )}
      {props.event === 'CANCEL' && (
        <Form.Item name="reason" label={t('form.reason')} required>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      )}
    </EventModal>
  );
}

export default function InspectionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const label = useCodeLabel();
  const qc = useQueryClient();
  const licenses = useLicenseChoices();
  const navigate = useNavigate();
  const [event, setEvent] = useState<string | null>(null);
  const inspection = useQuery({
    queryKey: ['inspection', id],
    queryFn: () => read<Inspection>(api.GET('/api/v1/inspections/{id}', { params: { path: { id } } })),
  });
  const transitions = useQuery({
    queryKey: ['inspection', id, 'transitions'],
    queryFn: () =>
      read<AllowedTransitions>(api.GET('/api/v1/inspections/{id}/transitions', { params: { path: { id } } })),
  });

  if (inspection.isPending) return <Loading />;
  const i = inspection.data;
  if (!i) {
    const notFound = inspection.error instanceof ApiProblem && inspection.error.status === 404;
    return notFound ? <Empty description={t('common.notFound')} /> : <ProblemAlert error={inspection.error} />;
  }
  const reload = () => qc.invalidateQueries({ queryKey: ['inspection', id] });
  const allowed = transitions.data?.allowed ?? [];
  const number = licenses.numberOf(i.licenseId);

  return (
    <>
      <header className="dossier-header">
        <Typography.Title level={1} className="page-title">
          {t('inspection.title', { number })}
        </Typography.Title>
        <Space wrap>
          <InspectionStateTag state={i.state} />
          <span>{label('inspection.kind', i.kind)}</span>
          <span>{formatDate(i.scheduledOn)}</span>
        </Space>
        <section className="dossier-actions" aria-label={t('dossier.actions')}>
          <Space wrap style={{ marginTop: 12 }}>
            {allowed.map((ev) => (
              <Button key={ev} danger={ev === 'CANCEL'} onClick={() => setEvent(ev)}>
                {t(`inspection.event.${ev}` as MessageKey)}
              </Button>
            ))}
            {i.state === 'IN_PROGRESS' || i.state === 'COMPLETED' ? (
              <Button onClick={() => navigate(`/violations?new=1&licenseId=${i.licenseId}&inspectionId=${i.id}`)}>
                {t('violation.logFromInspection')}
              </Button>
            ) : null}
          </Space>
        </section>
      </header>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('inspection.license')}>
            <Link to={`/licenses/${i.licenseId}`}>{number}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('inspection.scheduledOn')}>{formatDate(i.scheduledOn)}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.kind')}>{label('inspection.kind', i.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.scope')}>{i.scope}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.place')}>{i.place}</Descriptions.Item>
          <Descriptions.Item label={t('inspection.team')}>
            <ul className="plain-list">
              {i.team.map((m) => (
                <li key={`${m.fullName}:${m.position}`}>
                  {m.fullName}, {m.position}
                  {m.role ? ` (${m.role})` : ''}
                </li>
              ))}
            </ul>
          </Descriptions.Item>
          {i.recordNumber && (
            <Descriptions.Item label={t('inspection.recordNumber')}>{i.recordNumber}</Descriptions.Item>
          )}
          {i.completedOn && (
            <Descriptions.Item label={t('inspection.completedOn')}>{formatDate(i.completedOn)}</Descriptions.Item>
          )}
        </Descriptions>
        {i.findings && (
          <Card title={<h2 className="card-title">{t('inspection.findings')}</h2>} size="small">
            <ul>
              {i.findings.map((f, n) => (
                <li key={n}>{f}</li>
              ))}
            </ul>
            {i.conclusion && (
              <>
                <h3 className="card-title">{t('inspection.conclusion')}</h3>
                <p>{i.conclusion}</p>
              </>
            )}
            {i.remedies.length > 0 && (
              <>
                <h3 className="card-title">{t('inspection.remedies')}</h3>
                <ul>
                  {i.remedies.map((r, n) => (
                    <li key={n}>
                      {r.description}
                      {r.dueOn ? ` — ${t('inspection.remedyDueOn')}: ${formatDate(r.dueOn)}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        )}
        {i.state === 'COMPLETED' && (
          <a href={apiUrl(`/inspections/${i.id}/record.pdf`)} target="_blank" rel="noopener">
            {t('inspection.recordPdf')}
          </a>
        )}
      </Space>
      {event && (
        <InspectionEventDialog
          event={event}
          id={i.id}
          version={transitions.data?.version ?? i.version}
          onCancel={() => setEvent(null)}
          onConflict={() => void reload()}
          onDone={async () => {
            setEvent(null);
            await Promise.all([reload(), qc.invalidateQueries({ queryKey: ['inspections'] })]);
          }}
        />
      )}
    </>
  );
}
