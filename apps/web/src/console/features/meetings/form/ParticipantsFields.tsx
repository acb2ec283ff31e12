import { ApartmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { MemberListField } from './MemberListField';
import { OrgMultiSelect } from './OrgMultiSelect';

const PARTY_GROUP = ['party_group'] as const;

function Row({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <div className="re-participant-row">
      <span className="re-participant-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="re-participant-field">{children}</div>
    </div>
  );
}

/** 参加对象: whole organizations, 党小组 and chosen members; at least one of the three. */
export function ParticipantsFields({ disabled = false }: { disabled?: boolean }) {
  const { t } = useI18n();
  const atLeastOne = ({ getFieldValue }: { getFieldValue: (name: string) => unknown[] | undefined }) => ({
    validator: async () => {
      const n = ['participantOrgs', 'participantGroups', 'participantMembers'].reduce(
        (sum, name) => sum + (getFieldValue(name)?.length ?? 0),
        0,
      );
      if (n === 0) throw new Error(t('meeting.participantsRequired'));
    },
  });
  return (
    <section className="re-participants" aria-labelledby="meeting-participants-title">
      <div className="re-participants-legend">
        <span id="meeting-participants-title" className="re-required-mark">
          {t('meeting.participants')}
        </span>
        <span className="re-muted">{t('meeting.participantsHelp')}</span>
      </div>
      <Row icon={<ApartmentOutlined />}>
        <Form.Item
          name="participantOrgs"
          label={t('meeting.participantOrgs')}
          dependencies={['participantGroups', 'participantMembers']}
          rules={[atLeastOne]}
        >
          <OrgMultiSelect placeholder={t('org.pick')} disabled={disabled} />
        </Form.Item>
      </Row>
      <Row icon={<TeamOutlined />}>
        <Form.Item name="participantGroups" label={t('meeting.participantGroups')}>
          <OrgMultiSelect onlyTypes={PARTY_GROUP} placeholder={t('org.pick')} disabled={disabled} />
        </Form.Item>
      </Row>
      <Row icon={<UserOutlined />}>
        <Form.Item name="participantMembers" label={t('meeting.participantMembers')}>
          <MemberListField max={5000} disabled={disabled} aria-label={t('meeting.participantMembers')} />
        </Form.Item>
      </Row>
    </section>
  );
}
