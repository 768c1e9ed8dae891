import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession, useUser } from '../auth/session';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/vi';

interface NavItem {
  path: string;
  label: MessageKey;
}

/** What each role's menu shows (navigation only: what a person may do is decided by the API). */
function navFor(role: string): NavItem[] {
  const all: NavItem = { path: '/queue/all', label: 'nav.queueAll' };
  const licenses: NavItem = { path: '/licenses', label: 'nav.licenses' };
  if (role === 'appraiser') {
    return [
      { path: '/queue/mine', label: 'nav.queueMine' },
      { path: '/queue/unassigned', label: 'nav.queueUnassigned' },
      all,
      licenses,
    ];
  }
  if (role === 'approver') return [{ path: '/decisions', label: 'nav.decisions' }, all, licenses];
  if (role === 'inspector') {
    return [
      { path: '/inspections', label: 'nav.inspections' },
      { path: '/violations', label: 'nav.violations' },
      licenses,
      all,
    ];
  }
  return [all, licenses];
}

export function Shell() {
  const { t, lang, setLang } = useI18n();
  const { signOut } = useSession();
  const user = useUser();
  const location = useLocation();
  const items = navFor(user.role);
  const selected = items.find((i) => location.pathname.startsWith(i.path))?.path;

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        <Typography.Text className="shell-title" strong>
          {t('app.short')}
        </Typography.Text>
        <Space className="shell-user" wrap>
          <span className="shell-who">
            {t('nav.signedInAs', { email: user.email, role: t(`role.${user.role}` as MessageKey) })}
          </span>
          <Button
            size="small"
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
            title={t('nav.languageLabel')}
            lang={lang === 'vi' ? 'en' : 'vi'}
          >
            {t('nav.language')}
          </Button>
          <Button size="small" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider breakpoint="md" collapsedWidth={0} width={220} className="shell-sider" theme="light">
          <nav aria-label={t('nav.main')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={items.map((i) => ({ key: i.path, label: <Link to={i.path}>{t(i.label)}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="shell-content">
          <main id="main" tabIndex={-1}>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
