import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { I18nProvider, useI18n } from '../../lib/i18n';
import { queryClient } from '../../lib/query-client';
import { FeedbackBridge } from './feedback';
import { AppRoutes } from './router';
import { consoleTheme } from './theme';

/**
 * Required fields keep the red asterisk, drawn by CSS (console.css) so it stays out of the label text:
 * getByLabel('组织名称', { exact: true }) then finds the input.
 */
const requiredMark = (label: ReactNode) => label;

function ThemedApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'en-US' ? enUSAntd : zhCNAntd}
      theme={consoleTheme}
      button={{ autoInsertSpace: false }}
      form={{ requiredMark }}
    >
      <AntApp>
        <FeedbackBridge />
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function ConsoleApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
