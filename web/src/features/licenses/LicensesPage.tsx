import { useQuery } from '@tanstack/react-query';
import { Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { api, read } from '../../api/client';
import type { License, Page } from '../../api/views';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LicenseStatusTag } from '../../components/StateTag';
import { useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';

export default function LicensesPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const q = search.get('q') ?? '';
  const query = { page, pageSize: 20, ...(q ? { q } : {}) };
  const list = useQuery({
    queryKey: ['licenses', query],
    queryFn: () => read<Page<License>>(api.GET('/api/v1/licenses', { params: { query } })),
  });
  const columns: ColumnsType<License> = [
    {
      title: t('license.number'),
      key: 'number',
      render: (_, l) => <Link to={`/licenses/${l.id}`}>{l.number}</Link>,
    },
    {
      title: t('license.name'),
      key: 'name',
      render: (_, l) => (
        <>
          {l.name}
          <br />
          <span className="muted">{l.domains.join(', ')}</span>
        </>
      ),
    },
    { title: t('license.licensee'), key: 'licensee', render: (_, l) => String(l.licensee?.name ?? '—') },
    { title: t('license.status'), key: 'status', render: (_, l) => <LicenseStatusTag status={l.status} /> },
    { title: t('license.expiresOn'), key: 'expiresOn', render: (_, l) => formatDate(l.expiresOn) },
  ];
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('license.list')}
      </Typography.Title>
      <Input.Search
        aria-label={t('license.search')}
        placeholder={t('license.search')}
        defaultValue={q}
        allowClear
        style={{ maxWidth: 480, marginBottom: 16 }}
        onSearch={(v) => {
          const next = new URLSearchParams();
          if (v.trim()) next.set('q', v.trim());
          setSearch(next);
        }}
      />
      <ProblemAlert error={list.error} />
      <Table<License>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: <p className="empty-text">{t('license.empty')}</p> }}
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
