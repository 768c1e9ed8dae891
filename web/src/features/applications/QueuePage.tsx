import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, read } from '../../api/client';
import type { Application, Page } from '../../api/views';
import { useUser } from '../../auth/session';
import { DeadlineTag } from '../../components/DeadlineTag';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StateTag } from '../../components/StateTag';
import { useCodeLabel, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n/vi';

type Queue = 'mine' | 'unassigned' | 'all' | 'decisions';

const STATES = [
  'SUBMITTED',
  'IN_REVIEW',
  'SUPPLEMENT_REQUESTED',
  'IN_APPRAISAL',
  'PENDING_DECISION',
  'APPROVED',
  'REJECTED',
  'RETURNED',
  'WITHDRAWN',
] as const;
type State = (typeof STATES)[number];

const TITLES: Record<Queue, [MessageKey, MessageKey]> = {
  mine: ['queue.mine', 'queue.emptyMine'],
  unassigned: ['queue.unassigned', 'queue.emptyUnassigned'],
  all: ['queue.all', 'queue.emptyAll'],
  decisions: ['queue.decisions', 'queue.emptyDecisions'],
};

/** The server's filter for a queue: work queues are sorted by statutory deadline (the API computes it). */
function queryOf(queue: Queue, state: State | undefined, page: number) {
  return {
    page,
    pageSize: 20,
    sort: 'deadline' as const,
    ...(queue === 'mine' ? { assignee: 'me' as const } : {}),
    ...(queue === 'unassigned' ? { assignee: 'none' as const } : {}),
    ...(queue === 'decisions' ? { state: 'PENDING_DECISION' as const } : state ? { state } : {}),
  };
}

export default function QueuePage({ decisions = false }: { decisions?: boolean }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const user = useUser();
  const params = useParams();
  const queue: Queue = decisions
    ? 'decisions'
    : ((['mine', 'unassigned', 'all'] as const).find((q) => q === params.queue) ?? 'all');
  // Filters and the page live in the URL, so that Back and a shared link keep them.
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const stateParam = search.get('state');
  const state = STATES.find((s) => s === stateParam);
  const query = queryOf(queue, state, page);

  const list = useQuery({
    queryKey: ['applications', query],
    queryFn: () => read<Page<Application>>(api.GET('/api/v1/applications', { params: { query } })),
  });

  const columns: ColumnsType<Application> = [
    {
      title: t('queue.site'),
      key: 'site',
      render: (_, a) => (
        <Link to={`/applications/${a.id}`} title={t('queue.open', { name: a.site?.name ?? a.id })}>
          <strong>{a.site?.name ?? '—'}</strong>
          <br />
          <span className="muted">{a.site?.domains?.join(', ')}</span>
        </Link>
      ),
    },
    { title: t('queue.type'), key: 'type', render: (_, a) => label('type', a.type) },
    { title: t('queue.state'), key: 'state', render: (_, a) => <StateTag state={a.state} /> },
    { title: t('queue.submittedAt'), key: 'submitted', render: (_, a) => formatDate(a.submittedAt) },
    { title: t('queue.deadline'), key: 'deadline', render: (_, a) => <DeadlineTag deadline={a.deadline} /> },
    {
      title: t('queue.assignee'),
      key: 'assignee',
      render: (_, a) =>
        a.assigneeId === user.id ? t('queue.you') : a.assigneeId ? t('queue.colleague') : t('queue.nobody'),
    },
  ];

  const [title, empty] = TITLES[queue];
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t(title)}
      </Typography.Title>
      <Space className="queue-filters" wrap>
        <Typography.Text type="secondary">{t('queue.sortedByDeadline')}</Typography.Text>
        {queue === 'all' && (
          <Select<string>
            aria-label={t('queue.filterState')}
            style={{ minWidth: 220 }}
            value={state ?? ''}
            onChange={(v) => {
              const next = new URLSearchParams(search);
              if (v) next.set('state', v);
              else next.delete('state');
              next.delete('page');
              setSearch(next);
            }}
            options={[
              { value: '', label: t('queue.allStates') },
              ...STATES.map((s) => ({ value: s, label: label('state', s) })),
            ]}
          />
        )}
      </Space>
      <ProblemAlert error={list.error} />
      <Table<Application>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: <p className="empty-text">{t(empty)}</p> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p) => {
            const next = new URLSearchParams(search);
            next.set('page', String(p));
            setSearch(next);
          },
        }}
        scroll={{ x: true }}
      />
    </>
  );
}
