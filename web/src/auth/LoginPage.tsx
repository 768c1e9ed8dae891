import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';
import { useSession } from './session';

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { signIn } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: { email: string; password: string }) {
    setBusy(true);
    setProblem(null);
    try {
      await signIn(v.email, v.password);
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.detail : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login" id="main">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Title level={2} className="login-subtitle">
          {t('login.title')}
        </Typography.Title>
        {problem && <Alert type="error" showIcon title={problem} className="form-alert" role="alert" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('login.email')} name="email" rules={[{ required: true, message: t('common.required') }]}>
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="login-note">
          {t('login.siteOwner')}
        </Typography.Paragraph>
        <Button
          type="link"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          title={t('nav.languageLabel')}
          lang={lang === 'vi' ? 'en' : 'vi'}
        >
          {t('nav.language')}
        </Button>
      </Card>
    </main>
  );
}
