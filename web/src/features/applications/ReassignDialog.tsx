import { useQuery } from '@tanstack/react-query';
import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiProblem, read } from '../../api/client';
import type { Application, StaffMember } from '../../api/views';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';

/** An approver hands the dossier to another appraiser of the authority (POST /applications/{id}/assignee). */
export function ReassignDialog(props: { application: Application; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [assigneeId, setAssigneeId] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const authorityId = props.application.authorityId;
  const appraisers = useQuery({
    queryKey: ['staff', authorityId, 'appraiser'],
    queryFn: () =>
      read<StaffMember[]>(
        api.GET('/api/v1/authorities/{id}/staff', {
          params: { path: { id: authorityId }, query: { role: 'appraiser' } },
        }),
      ),
  });

  async function submit() {
    if (!assigneeId) return;
    setBusy(true);
    setProblem(null);
    try {
      await read(
        api.POST('/api/v1/applications/{id}/assignee', {
          params: { path: { id: props.application.id } },
          body: { assigneeId, version: props.application.version },
        }),
      );
      message.success(t('dossier.done', { action: t('dossier.reassign') }));
      props.onDone();
    } catch (e) {
      setProblem(e);
      if (e instanceof ApiProblem && e.isConflict) props.onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('dossier.reassign')}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('dossier.reassign')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !assigneeId, loading: busy }}
    >
      <Typography.Paragraph>{t('dossier.reassignHelp')}</Typography.Paragraph>
      <ProblemAlert error={problem ?? appraisers.error} />
      <Form layout="vertical">
        <Form.Item label={t('form.assignee')} required htmlFor="assignee">
          <Select<string>
            id="assignee"
            loading={appraisers.isPending}
            value={assigneeId}
            onChange={setAssigneeId}
            options={(appraisers.data ?? [])
              .filter((u) => u.id !== props.application.assigneeId)
              .map((u) => ({ value: u.id, label: `${u.fullName} (${u.email})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
