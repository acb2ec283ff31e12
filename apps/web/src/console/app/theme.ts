import type { ThemeConfig } from 'antd';

export const PARTY_RED = '#c8102e';
export const PARTY_GOLD = '#f5c342';

/** Ant Design Pro look, in party red. */
export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: PARTY_RED,
    colorInfo: PARTY_RED,
    borderRadius: 6,
    colorBgLayout: '#f5f6f8',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#7d0a1c', headerBg: '#ffffff', headerPadding: '0 24px', headerHeight: 56 },
    Menu: {
      darkItemBg: 'transparent',
      darkSubMenuItemBg: 'rgba(0,0,0,0.12)',
      darkItemSelectedBg: 'rgba(255,255,255,0.16)',
      darkItemSelectedColor: '#ffe7a3',
      darkItemColor: 'rgba(255,255,255,0.82)',
      darkItemHoverColor: '#ffffff',
      darkItemHoverBg: 'rgba(255,255,255,0.08)',
      itemHeight: 44,
      itemMarginInline: 8,
    },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#fafafa' },
  },
};
