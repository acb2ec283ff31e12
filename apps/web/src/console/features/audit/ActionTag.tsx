import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { type MessageKey, zhCN } from '../../../locales/zh-CN';

function colorOf(action: string): string {
  const verb = action.split('.').pop() ?? '';
  if (/create|add|grant|enroll|activate|enabled/.test(verb)) return 'green';
  if (/delete|remove|revoke|disable|dissolve|lock|fail/.test(verb)) return 'red';
  if (/login|logout|mfa|verify/.test(action)) return 'gold';
  if (/read|view|reveal|export/.test(verb)) return 'purple';
  return 'blue';
}

/** An audit action shown by its name in the user's language, with the code (e.g. `org.create`) on hover. */
export function ActionTag({ action }: { action: string }) {
  const { t } = useI18n();
  const key = `auditAction.${action}`;
  const label = key in zhCN ? t(key as MessageKey) : action;
  return (
    <Tooltip title={<span className="re-mono">{action}</span>}>
      <Tag color={colorOf(action)}>{label}</Tag>
    </Tooltip>
  );
}
