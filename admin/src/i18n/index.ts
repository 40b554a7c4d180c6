import polyglotI18nProvider from 'ra-i18n-polyglot';
import zhMessages from './zh';
import enMessages from './en';

const STORE_KEY = 'RaStore.locale'; // where react-admin's locale switch keeps the choice

const remembered = (): 'zh-CN' | 'en' => {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? '""') === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? enMessages : zhMessages), remembered(), [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
], { allowMissing: false });
