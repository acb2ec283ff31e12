import type { Member, MemberCategory } from '@red-engine/shared';
import { Space, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { FLAG_COLORS, memberFlags } from '../../../lib/member-labels';

export function CategoryTag({ category }: { category: MemberCategory | null }) {
  const { t } = useI18n();
  if (!category) return <span className="re-muted">—</span>;
  return (
    <Tag color={category === 'full' ? 'red' : 'gold'} variant="outlined">
      {t(`memberCategory.${category}`)}
    </Tag>
  );
}

/** 流动 / 失联 / 停止党籍 and, for people no longer on the roll, why (已转出, 已去世 …). */
export function MemberFlagTags({
  member,
}: {
  member: Pick<Member, 'flowing' | 'lostContact' | 'partyStatus' | 'status'>;
}) {
  const { t } = useI18n();
  const flags = memberFlags(member);
  if (flags.length === 0 && member.status === 'active') return <span className="re-muted">—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {member.status !== 'active' && <Tag>{t(`memberStatus.${member.status}`)}</Tag>}
      {flags.map((f) => (
        <Tag key={f} color={FLAG_COLORS[f]}>
          {t(`memberFlag.${f}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** A name in traditional Mongolian script; `vertical` sets it top-to-bottom as it is written. */
export function MongolianName({ name, vertical = false }: { name: string | null; vertical?: boolean }) {
  if (!name) return null;
  return (
    <span lang="mn-Mong" className={vertical ? 're-mongolian re-mongolian-vertical' : 're-mongolian'}>
      {name}
    </span>
  );
}
