import { Toast } from 'antd-mobile';
import { setErrorPresenter } from '../lib/errors';
import { getLocale, translate } from '../lib/i18n';

/** Errors on the phone: a short toast; INTERNAL adds the request id so support can find it. */
export function installToastPresenter(): void {
  setErrorPresenter({
    error: (text) => {
      Toast.show({ icon: 'fail', content: text });
    },
    internal: (text, requestId) => {
      const id = requestId ? `\n${translate(getLocale(), 'error.requestId', { id: requestId })}` : '';
      Toast.show({
        icon: 'fail',
        content: `${translate(getLocale(), 'common.labelValue', { label: translate(getLocale(), 'error.internal'), value: text })}${id}`,
        duration: 5000,
      });
    },
  });
}
