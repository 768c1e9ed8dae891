import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiProblem } from '../api/client';
import { SessionProvider } from '../auth/session';
import { I18nProvider, useI18n } from '../i18n';
import { router } from './routes';

function makeQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        retry: (n, e) => !(e instanceof ApiProblem && e.status < 500) && n < 2,
      },
    },
    // A 401 anywhere means the session ended (expiry, sign-out elsewhere, account disabled): back to sign-in.
    queryCache: new QueryCache({ onError: (e) => expire(qc, e) }),
    mutationCache: new MutationCache({ onError: (e) => expire(qc, e) }),
  });
  return qc;
}

function expire(qc: QueryClient, e: unknown) {
  if (e instanceof ApiProblem && e.status === 401) qc.setQueryData(['session'], null);
}

/** Ant Design's defaults miss WCAG AA contrast (primary #1677ff on white is 4.1:1); these pass it (≥ 4.5:1). */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#c62828',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

function Themed({ nonce }: { nonce: string }) {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} csp={{ nonce }} theme={THEME}>
      <AntApp>
        <SessionProvider
          fallback={
            <div className="boot" role="status">
              <Spin />
            </div>
          }
        >
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App({ nonce }: { nonce: string }) {
  const [qc] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={qc}>
      <I18nProvider>
        <Themed nonce={nonce} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
