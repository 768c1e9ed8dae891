import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { formatMessage, type Vars } from './format';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { vi, en };
// The chosen language is a preference, not a secret: kept in localStorage (no token ever is).
const STORAGE_KEY = 'office.lang';

export type Translate = (key: MessageKey, vars?: Vars) => string;

interface I18n {
  lang: Lang;
  t: Translate;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    document.documentElement.lang = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private browsing: the choice lasts for this page only
    }
  }, []);
  const t = useCallback<Translate>((key, vars) => formatMessage(CATALOGUES[lang][key], vars, lang), [lang]);
  const value = useMemo(() => ({ lang, t, setLang }), [lang, t, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Labels for API codes that live in the catalogue under a prefix (`state.`, `event.`, …); unknown → the code. */
export function useCodeLabel() {
  const { lang } = useI18n();
  return useCallback(
    (prefix: string, code: string | null | undefined): string => {
      if (!code) return '—';
      const key = `${prefix}.${code}` as MessageKey;
      return CATALOGUES[lang][key] ?? code;
    },
    [lang],
  );
}
