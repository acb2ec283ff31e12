import { Tag } from 'antd';

function colorOf(action: string): string {
  const verb = action.split('.').pop() ?? '';
  if (/create|add|grant|enroll|activate/.test(verb)) return 'green';
  if (/delete|remove|revoke|disable|dissolve|lock|fail/.test(verb)) return 'red';
  if (/login|logout|mfa|verify/.test(action)) return 'gold';
  if (/read|view|reveal|export/.test(verb)) return 'purple';
  return 'blue';
}

/** An audit action code such as `org.create`, coloured by what it does. */
export function ActionTag({ action }: { action: string }) {
  return (
    <Tag color={colorOf(action)} className="re-mono">
      {action}
    </Tag>
  );
}
