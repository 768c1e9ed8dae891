import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, read } from '../../api/client';
import type { components } from '../../api/openapi';
import { ProblemAlert } from '../../components/ProblemAlert';
import { InspectionStateTag } from '../../components/StateTag';
import { useCodeLabel, useI18n } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { EventModal, filled } from '../oversight/EventModal';
import { useLicenseChoices } from '../oversight/licenses';

type Inspection = components['schemas']['InspectionView'];

interface PlanValues {
  licenseId?: string;
  scheduledOn?: string;
  kind?: 'PERIODIC' | 'AD_HOC';
  scope?: string;
  place?: string;
  team?: string;
}

/** Team lines "Full name, position[, role]" → TeamMemberDto; none → the API makes the inspector head of the team. */
function teamOf(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((s) => s.split(',').map((p) => p.trim()))
    .filter((p) => p[0])
    .map(([fullName, position, role]) => ({ fullName, position: position || '—', ...(role ? { role } : {}) }));
}

function PlanDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const licenses = useLicenseChoices();
  const [form] = Form.useForm<PlanValues>();
  const v = Form.useWatch([], form) ?? {};
  const complete = filled(v.licenseId) && filled(v.scheduledOn) && filled(v.kind) && filled(v.scope);
  return (
    <EventModal<PlanValues>
      title={t('inspection.plan')}
      form={form}
      complete={complete}
      initial={{ kind: 'PERIODIC' }}
      onCancel={onClose}
      onConflict={() => undefined}
      onSubmit={async (x) => {
        const team = teamOf(x.team);
        const created = await read<Inspection>(
          api.POST('/api/v1/inspections', {
            body: {
              licenseId: x.licenseId!,
              scheduledOn: x.scheduledOn!,
              kind: x.kind!,
              scope: x.scope!.trim(),
              ...(x.place?.trim() ? { place: x.place.trim() } : {}),
              ...(team.length ? { team } : {}),
            },
          }),
        );
        await qc.invalidateQueries({ queryKey: ['inspections'] });
        onClose();
        navigate(`/inspections/${created.id}`);
      }}
    >
      <Form.Item name="licenseId" label={t('inspection.license')} required>
        <Select
          showSearch
          optionFilterProp="label"
          options={licenses.options}
          loading={licenses.loading}
          aria-label={t('inspection.license')}
        />
      </Form.Item>
      <Form.Item name="scheduledOn" label={t('inspection.scheduledOn')} required>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="kind" label={t('inspection.kind')} required>
        <Radio.Group
          options={[
            { value: 'PERIODIC', label: t('inspection.kind.PERIODIC') },
            { value: 'AD_HOC', label: t('inspection.kind.AD_HOC') },
          ]}
        />
      </Form.Item>
      <Form.Item name="scope" label={t('inspection.scope')} extra={t('inspection.scopeHelp')} required>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="place" label={t('inspection.place')} extra={t('inspection.placeHelp')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="team" label={t('inspection.team')} extra={t('inspection.teamHelp')}>
        <Input.TextArea rows={3} maxLength={8000} />
      </Form.Item>
    </EventModal>
  );
}

export default function InspectionsPage() {
  const { t } = useI18n();
  const label = useCodeLabel();
  const licenses = useLicenseChoices();
  const [search, setSearch] = useSearchParams();
  const [planning, setPlanning] = useState(false);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const state = search.get('state') ?? undefined;
  const query = { page, pageSize: 20, ...(state ? { state: state as Inspection['state'] } : {}) };
  const list = useQuery({
    queryKey: ['inspections', query],
    queryFn: () =>
      read<components['schemas']['InspectionViewPage']>(api.GET('/api/v1/inspections', { params: { query } })),
  });
  const columns: ColumnsType<Inspection> = [
    {
      title: t('inspection.license'),
      key: 'license',
      render: (_, i) => (
        <Link to={`/inspections/${i.id}`}>{t('inspection.rowLink', { number: licenses.numberOf(i.licenseId) })}</Link>
      ),
    },
    { title: t('inspection.scheduledOn'), key: 'date', render: (_, i) => formatDate(i.scheduledOn) },
    { title: t('inspection.kind'), key: 'kind', render: (_, i) => label('inspection.kind', i.kind) },
    { title: t('inspection.scope'), key: 'scope', render: (_, i) => <span className="clamp">{i.scope}</span> },
    { title: t('inspection.state'), key: 'state', render: (_, i) => <InspectionStateTag state={i.state} /> },
  ];
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('inspection.list')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setPlanning(true)}>
          {t('inspection.plan')}
        </Button>
        <Select
          aria-label={t('inspection.state')}
          style={{ minWidth: 200 }}
          allowClear
          placeholder={t('inspection.allStates')}
          value={state}
          options={['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'].map((s) => ({
            value: s,
            label: label('inspection.state', s),
          }))}
          onChange={(s?: string) => {
            const next = new URLSearchParams();
            if (s) next.set('state', s);
            setSearch(next);
          }}
        />
      </Space>
      <ProblemAlert error={list.error} />
      <Table<Inspection>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: <p className="empty-text">{t('inspection.empty')}</p> }}
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
      {planning && <PlanDialog onClose={() => setPlanning(false)} />}
    </>
  );
}
