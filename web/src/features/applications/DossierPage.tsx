import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, List, Space, Tabs, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiProblem, apiUrl, read } from '../../api/client';
import type {
  AllowedTransitions,
  Application,
  Appraisal,
  DocumentView,
  HistoryEntry,
  Requirement,
} from '../../api/views';
import { useUser } from '../../auth/session';
import { DeadlineTag } from '../../components/DeadlineTag';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Pill, StateTag } from '../../components/StateTag';
import { useCodeLabel, useI18n } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';
import { ActionDialog, type ActionValues } from '../actions/ActionDialog';
import { APPLICATION_EVENT_INPUTS, inputsOf } from '../actions/event-inputs';
import { ReassignDialog } from './ReassignDialog';

const STAFF_READS_APPRAISALS = ['appraiser', 'approver', 'inspector', 'admin'];

function useDossier(id: string, staff: boolean) {
  const application = useQuery({
    queryKey: ['application', id],
    queryFn: () => read<Application>(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })),
  });
  const transitions = useQuery({
    queryKey: ['application', id, 'transitions'],
    queryFn: () =>
      read<AllowedTransitions>(api.GET('/api/v1/applications/{id}/transitions', { params: { path: { id } } })),
  });
  const documents = useQuery({
    queryKey: ['application', id, 'documents'],
    queryFn: () => read<DocumentView[]>(api.GET('/api/v1/applications/{id}/documents', { params: { path: { id } } })),
  });
  const history = useQuery({
    queryKey: ['application', id, 'history'],
    queryFn: () => read<HistoryEntry[]>(api.GET('/api/v1/applications/{id}/history', { params: { path: { id } } })),
  });
  const appraisals = useQuery({
    queryKey: ['application', id, 'appraisals'],
    enabled: staff,
    queryFn: () => read<Appraisal[]>(api.GET('/api/v1/applications/{id}/appraisals', { params: { path: { id } } })),
  });
  const type = application.data?.type;
  const requirements = useQuery({
    queryKey: ['requirements', type],
    enabled: Boolean(type),
    staleTime: Infinity,
    queryFn: () =>
      read<Requirement[]>(
        api.GET('/api/v1/requirements', {
          params: { query: { applicationType: type as 'NEW' } },
        }),
      ),
  });
  return { application, transitions, documents, history, appraisals, requirements };
}

export default function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const label = useCodeLabel();
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const d = useDossier(id, STAFF_READS_APPRAISALS.includes(user.role));
  const [event, setEvent] = useState<string | null>(null);
  const [reassigning, setReassigning] = useState(false);

  const app = d.application.data;
  useEffect(() => {
    if (app) document.title = `${app.site?.name ?? app.id} — ${t('app.short')}`;
  }, [app, t]);

  if (d.application.isPending) return <Loading />;
  if (d.application.error || !app) {
    const notFound = d.application.error instanceof ApiProblem && d.application.error.status === 404;
    return notFound ? <Empty description={t('common.notFound')} /> : <ProblemAlert error={d.application.error} />;
  }

  const reload = () => qc.invalidateQueries({ queryKey: ['application', id] });
  const allowed = d.transitions.data?.allowed ?? [];
  const latestAppraisal = d.appraisals.data?.at(-1);
  const requirements = d.requirements.data ?? [];
  const currentDocs = (d.documents.data ?? []).filter((x) => !x.superseded);

  async function fire(body: Record<string, unknown>) {
    // The version the page shows: if someone changed the dossier meanwhile, the API answers 409.
    const version = d.transitions.data?.version ?? app!.version;
    await read(
      api.POST('/api/v1/applications/{id}/transitions', {
        params: { path: { id } },
        body: { event: event!, version, ...body } as never,
      }),
    );
    const done = t('dossier.done', { action: t(`event.${event}` as MessageKey) });
    setEvent(null);
    message.success(done);
    await Promise.all([reload(), qc.invalidateQueries({ queryKey: ['applications'] })]);
  }

  function initialFor(ev: string): ActionValues {
    const present = new Set(currentDocs.map((x) => x.kind));
    if (ev === 'RECOMMEND') {
      return { checklist: requirements.map((r) => ({ kind: r.kind, satisfied: present.has(r.kind), note: '' })) };
    }
    if (ev === 'REQUEST_SUPPLEMENT') {
      // Required documents not provided pre-fill the request (the appraiser edits it).
      const missing = requirements.filter((r) => r.required && !present.has(r.kind)).map((r) => r.title);
      return { items: missing.join('\n') };
    }
    return {};
  }

  const site = app.site ?? {};
  const assignee =
    app.assigneeId === user.id ? t('queue.you') : app.assigneeId ? t('queue.colleague') : t('queue.nobody');

  return (
    <>
      <header className="dossier-header">
        <Typography.Title level={1} className="page-title">
          {t('dossier.title', { name: site.name ?? app.id })}
        </Typography.Title>
        <Space wrap size="middle">
          <StateTag state={app.state} />
          <Pill tone="grey">{label('type', app.type)}</Pill>
          <DeadlineTag deadline={app.deadline} />
          <span>
            {t('dossier.assignee')}: {assignee}
          </span>
        </Space>
        <section className="dossier-actions" aria-label={t('dossier.actions')}>
          <Space wrap style={{ marginTop: 12 }}>
            {allowed.map((ev) => (
              <Button
                key={ev}
                type={ev === allowed[0] ? 'primary' : 'default'}
                danger={inputsOf(APPLICATION_EVENT_INPUTS, ev).danger}
                onClick={() => setEvent(ev)}
              >
                {t(`event.${ev}` as MessageKey)}
              </Button>
            ))}
            {user.role === 'approver' &&
              app.assigneeId &&
              !['APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN'].includes(app.state) && (
                <Button onClick={() => setReassigning(true)}>{t('dossier.reassign')}</Button>
              )}
            {allowed.length === 0 && <Typography.Text type="secondary">{t('dossier.noActions')}</Typography.Text>}
          </Space>
        </section>
      </header>

      <div className="dossier-grid">
        <Tabs
          aria-label={t('dossier.tabs')}
          items={[
            {
              key: 'details',
              label: t('dossier.details'),
              children: <Particulars app={app} />,
            },
            {
              key: 'documents',
              label: `${t('dossier.documents')} (${currentDocs.length})`,
              children: <Documents appId={app.id} documents={d.documents.data ?? []} requirements={requirements} />,
            },
            {
              key: 'checklist',
              label: t('dossier.checklist'),
              children: <Checklist requirements={requirements} documents={currentDocs} appraisal={latestAppraisal} />,
            },
          ]}
        />
        <aside>
          {latestAppraisal && <Recommendation appraisal={latestAppraisal} userId={user.id} />}
          <Card title={<h2 className="card-title">{t('dossier.history')}</h2>} size="small">
            <History entries={d.history.data ?? []} userId={user.id} />
          </Card>
        </aside>
      </div>

      {event && (
        <ActionDialog
          open
          event={event}
          inputs={inputsOf(APPLICATION_EVENT_INPUTS, event)}
          consequence={`consequence.${event}` as MessageKey}
          requirements={requirements}
          initial={initialFor(event)}
          onCancel={() => setEvent(null)}
          onSubmit={fire}
          onConflict={() => void reload()}
        />
      )}
      {reassigning && (
        <ReassignDialog
          application={app}
          onClose={() => setReassigning(false)}
          onDone={() => {
            setReassigning(false);
            void reload();
          }}
        />
      )}
    </>
  );
}

function Particulars({ app }: { app: Application }) {
  const { t } = useI18n();
  const s = app.site ?? {};
  const cm = s.contentManager;
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label={t('dossier.siteName')}>{s.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('dossier.domains')}>{s.domains?.join(', ') ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('dossier.contentScope')}>{s.contentScope ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('dossier.sections')}>{s.sections?.join('; ') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('dossier.sources')}>
        {s.informationSources?.length ? (
          <ul className="plain-list">
            {s.informationSources.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('dossier.server')}>{s.serverLocation ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('dossier.contentManager')}>
        {cm ? [cm.fullName, cm.position, cm.phone, cm.email].filter(Boolean).join(' · ') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('dossier.requestedExpiresOn')}>
        {formatDate(app.requestedExpiresOn)}
      </Descriptions.Item>
      {app.reason && <Descriptions.Item label={t('dossier.reason')}>{app.reason}</Descriptions.Item>}
      <Descriptions.Item label={t('dossier.submittedAt')}>{formatDateTime(app.submittedAt)}</Descriptions.Item>
      {app.supplementRequest && (
        <Descriptions.Item label={t('dossier.supplement')}>
          <ul className="plain-list">
            {app.supplementRequest.items.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
          {app.supplementRequest.reason}
        </Descriptions.Item>
      )}
      {app.decisionReason && (
        <Descriptions.Item label={t('dossier.decisionReason')}>{app.decisionReason}</Descriptions.Item>
      )}
      {app.licenseId && (
        <Descriptions.Item label={t('dossier.license')}>
          <Link to={`/licenses/${app.licenseId}`}>{t('dossier.openLicense')}</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Fetches a document with the session cookie and shows it from a blob: URL (the API sends it as an attachment). */
function useBlobUrl(url: string | null) {
  const [blobUrl, setBlobUrl] = useState<{ url: string; type: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!url) return;
    let revoked = false;
    let created: string | null = null;
    setBlobUrl(null);
    setError(null);
    fetch(url, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new ApiProblem(r.status, `HTTP_${r.status}`, r.statusText);
        const blob = await r.blob();
        if (revoked) return;
        created = URL.createObjectURL(blob);
        setBlobUrl({ url: created, type: blob.type });
      })
      .catch(setError);
    return () => {
      revoked = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [url]);
  return { blob: blobUrl, error };
}

function Documents(props: { appId: string; documents: DocumentView[]; requirements: Requirement[] }) {
  const { t, lang } = useI18n();
  const [selected, setSelected] = useState<DocumentView | null>(null);
  const { blob, error } = useBlobUrl(
    selected ? apiUrl(`/applications/${props.appId}/documents/${selected.id}/content`) : null,
  );
  const titleOf = (kind: string) => {
    const r = props.requirements.find((x) => x.kind === kind);
    return r ? (lang === 'vi' ? r.title : r.titleEn) : kind;
  };
  const docs = [...props.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (docs.length === 0) return <Empty description={t('dossier.noDocuments')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        bordered
        dataSource={docs}
        renderItem={(doc) => (
          <List.Item
            actions={[
              <Button
                key="open"
                size="small"
                type={selected?.id === doc.id ? 'primary' : 'default'}
                onClick={() => setSelected(doc)}
                aria-label={`${t('common.open')}: ${titleOf(doc.kind)} — ${doc.fileName}`}
              >
                {t('common.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={titleOf(doc.kind)}
              description={
                <>
                  {doc.fileName} · {t('dossier.uploadedAt', { date: formatDateTime(doc.createdAt) })}
                  {doc.superseded && <Pill tone="grey">{t('dossier.superseded')}</Pill>}
                </>
              }
            />
          </List.Item>
        )}
      />
      {error ? <ProblemAlert error={error} /> : null}
      {selected && blob ? (
        blob.type.startsWith('image/') ? (
          <img className="doc-viewer-image" src={blob.url} alt={t('dossier.viewer', { name: selected.fileName })} />
        ) : (
          <iframe className="doc-viewer" src={blob.url} title={t('dossier.viewer', { name: selected.fileName })} />
        )
      ) : (
        !selected && <Typography.Text type="secondary">{t('dossier.chooseDocument')}</Typography.Text>
      )}
    </Space>
  );
}

function Checklist(props: { requirements: Requirement[]; documents: DocumentView[]; appraisal?: Appraisal }) {
  const { t, lang } = useI18n();
  const present = new Set(props.documents.map((x) => x.kind));
  const entries = new Map((props.appraisal?.checklist ?? []).map((e) => [e.kind, e]));
  return (
    <List
      size="small"
      bordered
      header={!props.appraisal && <Typography.Text type="secondary">{t('dossier.noAppraisal')}</Typography.Text>}
      dataSource={props.requirements}
      renderItem={(r) => {
        const entry = entries.get(r.kind);
        return (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {lang === 'vi' ? r.title : r.titleEn}
                  {r.required && <span className="muted"> ({t('common.required')})</span>}
                </>
              }
              description={
                <>
                  {t('dossier.legalBasis')}: {r.legalBasis}
                  {entry?.note && <div>{entry.note}</div>}
                </>
              }
            />
            <Space direction="vertical" align="end">
              <Pill tone={present.has(r.kind) ? 'green' : 'grey'}>
                {present.has(r.kind) ? t('dossier.present') : t('dossier.missing')}
              </Pill>
              {entry && (
                <Pill tone={entry.satisfied ? 'green' : 'red'}>
                  {t('form.satisfied')}: {entry.satisfied ? t('common.yes') : t('common.no')}
                </Pill>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

function Recommendation({ appraisal, userId }: { appraisal: Appraisal; userId: string }) {
  const { t } = useI18n();
  const unmet = appraisal.checklist.filter((e) => !e.satisfied).length;
  return (
    <Card
      title={<h2 className="card-title">{t('dossier.recommendation')}</h2>}
      size="small"
      style={{ marginBottom: 16 }}
    >
      <Pill tone={appraisal.recommendation === 'APPROVE' ? 'green' : 'red'}>
        {t(`form.recommend.${appraisal.recommendation}` as MessageKey)}
      </Pill>
      <Typography.Paragraph style={{ marginTop: 8 }}>
        {t('form.checklist')}: {appraisal.checklist.length - unmet}/{appraisal.checklist.length} {t('form.satisfied')}
      </Typography.Paragraph>
      {appraisal.note && <Typography.Paragraph>{appraisal.note}</Typography.Paragraph>}
      <Typography.Text type="secondary">
        {t('dossier.recommendedBy', {
          who: appraisal.appraiserId === userId ? t('queue.you') : t('role.appraiser'),
          at: formatDateTime(appraisal.createdAt),
        })}
      </Typography.Text>
      {appraisal.appraiserId === userId && (
        <Typography.Paragraph type="warning">{t('dossier.proposedByYou')}</Typography.Paragraph>
      )}
    </Card>
  );
}

function History({ entries, userId }: { entries: HistoryEntry[]; userId: string }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  // Newest first.
  const items = [...entries].reverse().map((h) => ({
    key: `${h.at}-${h.event}`,
    children: (
      <>
        <strong>{label('event', h.event)}</strong>
        <div className="muted">
          {formatDateTime(h.at)} · {h.actorId === userId ? t('queue.you') : label('role', h.actorRole)}
        </div>
        {h.from !== h.to && (
          <div className="muted">
            {t('dossier.historyTransition', { from: label('state', h.from), to: label('state', h.to) })}
          </div>
        )}
        {h.reason && <div>{h.reason}</div>}
      </>
    ),
  }));
  return <Timeline items={items} />;
}
