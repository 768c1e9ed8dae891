import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, read } from '../../api/client';
import type { components } from '../../api/openapi';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ViolationStateTag } from '../../components/StateTag';
import { useCodeLabel, useI18n } from '../../i18n';
import { formatDate, formatVnd } from '../../i18n/format';
import { EventModal, filled } from '../oversight/EventModal';
import { useLicenseChoices } from '../oversight/licenses';

type Violation = components['schemas']['ViolationView'];
type ViolationType = components['schemas']['ViolationTypeView'];

interface LogValues {
  licenseId?: string;
  inspectionId?: string;
  detectedOn?: string;
  typeCode?: string;
  description?: string;
}

/** The Hà Nội calendar day of the browser's clock, the default day of detection (the API judges the date). */
function todayInHanoi(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

function LogDialog({ initial, onClose }: { initial: LogValues; onClose(): void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const licenses = useLicenseChoices();
  const [form] = Form.useForm<LogValues>();
  const v = Form.useWatch([], form) ?? {};
  const detectedOn = v.detectedOn || undefined;
  // The catalogue entries in force on the day of detection: the fine range shown is the one the API will apply.
  const types = useQuery({
    queryKey: ['violation-types', detectedOn],
    enabled: Boolean(detectedOn),
    queryFn: () => read<ViolationType[]>(api.GET('/api/v1/violation-types', { params: { query: { on: detectedOn } } })),
  });
  const inspections = useQuery({
    queryKey: ['inspections', 'of', v.licenseId],
    enabled: Boolean(v.licenseId),
    queryFn: () =>
      read<components['schemas']['InspectionViewPage']>(
        api.GET('/api/v1/inspections', { params: { query: { licenseId: v.licenseId, pageSize: 100 } } }),
      ),
  });
  const entry = types.data?.find((x) => x.code === v.typeCode);
  const complete = filled(v.licenseId) && filled(v.detectedOn) && filled(v.typeCode) && filled(v.description);
  return (
    <EventModal<LogValues>
      title={t('violation.log')}
      form={form}
      complete={complete}
      initial={{ detectedOn: todayInHanoi(), ...initial }}
      onCancel={onClose}
      onConflict={() => undefined}
      onSubmit={async (x) => {
        const created = await read<Violation>(
          api.POST('/api/v1/violations', {
            body: {
              licenseId: x.licenseId!,
              ...(x.inspectionId ? { inspectionId: x.inspectionId } : {}),
              typeCode: x.typeCode!,
              description: x.description!.trim(),
              detectedOn: x.detectedOn!,
            },
          }),
        );
        await qc.invalidateQueries({ queryKey: ['violations'] });
        onClose();
        navigate(`/violations/${created.id}`);
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
      <Form.Item name="inspectionId" label={t('violation.inspection')}>
        <Select
          allowClear
          aria-label={t('violation.inspection')}
          options={(inspections.data?.items ?? [])
            .filter((i) => i.state !== 'CANCELLED')
            .map((i) => ({ value: i.id, label: `${formatDate(i.scheduledOn)} — ${i.scope.slice(0, 60)}` }))}
        />
      </Form.Item>
      <Form.Item name="detectedOn" label={t('violation.detectedOn')} required>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="typeCode" label={t('violation.type')} extra={t('violation.typeHelp')} required>
        <Select
          showSearch
          optionFilterProp="label"
          aria-label={t('violation.type')}
          loading={types.isFetching}
          options={(types.data ?? []).map((x) => ({
            value: x.code,
            label: `${lang === 'vi' ? x.title : x.titleEn} (${x.code})`,
          }))}
        />
      </Form.Item>
      {entry && (
        <Alert
          type="info"
          className="form-alert"
          title={t('violation.entryInForce', { from: formatDate(entry.effectiveFrom), basis: entry.legalBasis })}
          description={t('violation.fineRange', { min: formatVnd(entry.minFine), max: formatVnd(entry.maxFine) })}
        />
      )}
      <Form.Item name="description" label={t('violation.description')} required>
        <Input.TextArea rows={4} maxLength={8000} />
      </Form.Item>
    </EventModal>
  );
}

export default function ViolationsPage() {
  const { t, lang } = useI18n();
  const label = useCodeLabel();
  const licenses = useLicenseChoices();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const state = search.get('state') ?? undefined;
  const logging = search.get('new') === '1';
  const query = { page, pageSize: 20, ...(state ? { state: state as Violation['state'] } : {}) };
  const list = useQuery({
    queryKey: ['violations', query],
    queryFn: () =>
      read<components['schemas']['ViolationViewPage']>(api.GET('/api/v1/violations', { params: { query } })),
  });
  const columns: ColumnsType<Violation> = [
    {
      title: t('violation.type'),
      key: 'type',
      render: (_, v) => (
        <Link to={`/violations/${v.id}`}>{v.type ? (lang === 'vi' ? v.type.title : v.type.titleEn) : v.typeCode}</Link>
      ),
    },
    { title: t('inspection.license'), key: 'license', render: (_, v) => licenses.numberOf(v.licenseId) },
    { title: t('violation.detectedOn'), key: 'detected', render: (_, v) => formatDate(v.detectedOn) },
    { title: t('violation.state'), key: 'state', render: (_, v) => <ViolationStateTag state={v.state} /> },
  ];
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('violation.list')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setSearch(new URLSearchParams({ new: '1' }))}>
          {t('violation.log')}
        </Button>
        <Select
          aria-label={t('violation.state')}
          style={{ minWidth: 200 }}
          allowClear
          placeholder={t('inspection.allStates')}
          value={state}
          options={['OPEN', 'SANCTIONED', 'RESOLVED', 'DISMISSED', 'ESCALATED'].map((s) => ({
            value: s,
            label: label('violation.state', s),
          }))}
          onChange={(s?: string) => {
            const next = new URLSearchParams();
            if (s) next.set('state', s);
            setSearch(next);
          }}
        />
      </Space>
      <ProblemAlert error={list.error} />
      <Table<Violation>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        locale={{ emptyText: <p className="empty-text">{t('violation.empty')}</p> }}
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
      {logging && (
        <LogDialog
          initial={{
            ...(search.get('licenseId') ? { licenseId: search.get('licenseId')! } : {}),
            ...(search.get('inspectionId') ? { inspectionId: search.get('inspectionId')! } : {}),
          }}
          onClose={() => {
            const next = new URLSearchParams(search);
            for (const k of ['new', 'licenseId', 'inspectionId']) next.delete(k);
            setSearch(next);
          }}
        />
      )}
    </>
  );
}
