import { App } from 'antd';
import { useEffect } from 'react';
import { setErrorPresenter } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';

/** Lets non-React code (the query client's error handler) show antd messages that follow the theme. */
export function FeedbackBridge() {
  const { message, notification } = App.useApp();
  const { t } = useI18n();
  useEffect(() => {
    setErrorPresenter({
      error: (text) => {
        message.error(text);
      },
      internal: (text, requestId) => {
        notification.error({
          title: t('error.internal'),
          description: requestId ? t('common.withNote', { text, note: t('error.requestId', { id: requestId }) }) : text,
          duration: 8,
        });
      },
    });
  }, [message, notification, t]);
  return null;
}
