import { CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useI18n } from '../../lib/i18n';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers / insecure origins: fall back to a hidden textarea.
    const el = document.createElement('textarea');
    el.value = text;
    el.setAttribute('readonly', '');
    el.style.position = 'fixed';
    el.style.opacity = '0';
    document.body.appendChild(el);
    el.select();
    const ok = document.execCommand('copy');
    document.body.removeChild(el);
    return ok;
  }
}

export function CopyButton({ text, label, ...rest }: { text: string; label?: string } & ButtonProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Button
      icon={<CopyOutlined />}
      {...rest}
      onClick={async () => {
        if (await copyText(text)) message.success(t('common.copied'));
        else message.error(t('common.copyFailed'));
      }}
    >
      {label ?? t('common.copy')}
    </Button>
  );
}
