import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, apiUrl, read } from '../../api/client';
import type { AllowedTransitions, License, LicenseVersion } from '../../api/views';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LicenseStatusTag } from '../../components/StateTag';
import { useCodeLabel, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';
import { ActionDialog } from '../actions/ActionDialog';
import { inputsOf, LICENSE_EVENT_INPUTS } from '../actions/event-inputs';

export default function LicensePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const label = useCodeLabel();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [event, setEvent] = useState<string | null>(null);
  const license = useQuery({
    queryKey: ['license', id],
    queryFn: () => read<License>(api.GET('/api/v1/licenses/{id}', { params: { path: { id } } })),
  });
  const versions = useQuery({
    queryKey: ['license', id, 'versions'],
    queryFn: () => read<LicenseVersion[]>(api.GET('/api/v1/licenses/{id}/versions', { params: { path: { id } } })),
  });
  const transitions = useQuery({
    queryKey: ['license', id, 'transitions'],
    queryFn: () => read<AllowedTransitions>(api.GET('/api/v1/licenses/{id}/transitions', { params: { path: { id } } })),
  });

  if (license.isPending) return <Loading />;
  const l = license.data;
  if (!l) {
    const notFound = license.error instanceof ApiProblem && license.error.status === 404;
    return notFound ? <Empty description={t('common.notFound')} /> : <ProblemAlert error={license.error} />;
  }
  const reload = () => qc.invalidateQueries({ queryKey: ['license', id] });
  // Only the events a person can take here; the API lists them for this state and role (SURRENDER is the owner's).
  const allowed = (transitions.data?.allowed ?? []).filter((e) => e in LICENSE_EVENT_INPUTS);

  async function fire(body: Record<string, unknown>) {
    await read(
      api.POST('/api/v1/licenses/{id}/transitions', {
        params: { path: { id } },
        body: { event: event!, version: transitions.data?.version ?? l!.version, ...body } as never,
      }),
    );
    message.success(t('dossier.done', { action: t(`event.${event}` as MessageKey) }));
    setEvent(null);
    await Promise.all([reload(), qc.invalidateQueries({ queryKey: ['licenses'] })]);
  }

  return (
    <>
      <header className="dossier-header">
        <Typography.Title level={1} className="page-title">
          {t('license.title', { number: l.number })}
        </Typography.Title>
        <Space wrap>
          <LicenseStatusTag status={l.status} />
          <span>{l.name}</span>
        </Space>
        <section className="dossier-actions" aria-label={t('dossier.actions')}>
          <Space wrap style={{ marginTop: 12 }}>
            {allowed.map((ev) => (
              <Button key={ev} danger={inputsOf(LICENSE_EVENT_INPUTS, ev).danger} onClick={() => setEvent(ev)}>
                {t(`event.${ev}` as MessageKey)}
              </Button>
            ))}
          </Space>
        </section>
      </header>
      <div className="dossier-grid">
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('license.number')}>{l.number}</Descriptions.Item>
            <Descriptions.Item label={t('license.name')}>{l.name}</Descriptions.Item>
            <Descriptions.Item label={t('license.domains')}>{l.domains.join(', ')}</Descriptions.Item>
            <Descriptions.Item label={t('license.licensee')}>{String(l.licensee?.name ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('license.status')}>
              <LicenseStatusTag status={l.status} />
              {l.suspendedUntil && ` ${t('license.suspendedUntil')}: ${formatDate(l.suspendedUntil)}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('license.issuedOn')}>{formatDate(l.issuedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('license.expiresOn')}>{formatDate(l.expiresOn)}</Descriptions.Item>
            {l.applicationId && (
              <Descriptions.Item label={t('dossier.title', { name: '' }).replace(/[:\s]+$/, '')}>
                <Link to={`/applications/${l.applicationId}`}>{t('common.open')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Card title={<h2 className="card-title">{t('license.versions')}</h2>} size="small">
            <Table<LicenseVersion>
              rowKey="version"
              size="small"
              pagination={false}
              loading={versions.isPending}
              dataSource={versions.data ?? []}
              columns={[
                { title: '#', key: 'v', render: (_, v) => t('license.version', { n: v.version }) },
                { title: t('license.versionKind'), key: 'kind', render: (_, v) => label('type', v.kind) },
                { title: t('license.issuedOn'), key: 'issued', render: (_, v) => formatDate(v.issuedOn) },
                { title: t('license.expiresOn'), key: 'expires', render: (_, v) => formatDate(v.expiresOn) },
                { title: t('license.signer'), key: 'signer', render: (_, v) => `${v.signerTitle} ${v.signerName}` },
                {
                  title: t('license.pdf'),
                  key: 'pdf',
                  render: (_, v) => (
                    <a href={apiUrl(`/licenses/${l.id}/pdf?version=${v.version}`)} target="_blank" rel="noopener">
                      {t('license.openPdf')}
                    </a>
                  ),
                },
              ]}
            />
          </Card>
        </Space>
        <aside>
          <Card title={<h2 className="card-title">{t('license.pdf')}</h2>} size="small">
            <iframe className="doc-viewer" src={apiUrl(`/licenses/${l.id}/pdf`)} title={t('license.pdf')} />
          </Card>
        </aside>
      </div>
      {event && (
        <ActionDialog
          open
          event={event}
          inputs={inputsOf(LICENSE_EVENT_INPUTS, event)}
          consequence={`consequence.${event}` as MessageKey}
          onCancel={() => setEvent(null)}
          onSubmit={fire}
          onConflict={() => void reload()}
        />
      )}
    </>
  );
}
