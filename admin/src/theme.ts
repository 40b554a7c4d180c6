import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * System fonts only (government networks are often closed: no web fonts): Chinese from
 * WenQuanYi / YaHei / PingFang / Noto, Tibetan from Tibetan Machine Uni or Microsoft Himalaya.
 */
export const FONT_STACK = [
  '-apple-system', 'BlinkMacSystemFont', '"Segoe UI"', '"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"',
  '"WenQuanYi Micro Hei"', '"Noto Sans CJK SC"', '"Tibetan Machine Uni"', '"Microsoft Himalaya"', 'sans-serif',
].join(', ');

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#b71c1c' }, secondary: { main: '#8e1212' }, background: { default: '#f6f6f6' } },
  typography: { fontFamily: FONT_STACK },
  sidebar: { width: 220, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    RaAppBar: { styleOverrides: { root: { '& .RaAppBar-toolbar': { backgroundColor: '#b71c1c' } } } },
  },
};
