import { DatePicker, Divider, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../../lib/i18n';
import { fromBeijing } from '../../../../lib/time';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useActivityTypes } from '../api';
import { CheckinSettingsFields } from './CheckinSettingsFields';
import { MemberListField } from './MemberListField';
import { OrgMultiSelect } from './OrgMultiSelect';
import { ParticipantsFields } from './ParticipantsFields';
import { useVenueOptions, VenueAvailability, VenueSelect } from './VenueField';

const DT = 'YYYY-MM-DD HH:mm';

/**
 * The plan's fields. `orgName` is set when editing (the organization cannot change); `locked` once the
 * meeting has started (time, venue and participants are then fixed by the server).
 */
export function MeetingFormFields({ editId, orgName, locked }: { editId?: string; orgName?: string; locked: boolean }) {
  const { t, locale } = useI18n();
  const types = useActivityTypes();
  const venues = useVenueOptions();
  const form = Form.useFormInstance();
  const venueId = Form.useWatch('venueId', form) as string | null | undefined;
  const startsAt = Form.useWatch('startsAt', form) as Dayjs | undefined;
  const endsAt = Form.useWatch('endsAt', form) as Dayjs | undefined;
  const venue = venues.data?.data.find((v) => v.id === venueId);
  const venueHasCoords = venue ? venue.latitude !== null && venue.longitude !== null : null;
  const required = { required: true, message: t('form.required') };

  return (
    <>
      <Divider titlePlacement="start" plain className="re-form-divider">
        {t('meeting.section.basic')}
      </Divider>
      {editId ? (
        <Form.Item label={t('meeting.org')} htmlFor="meeting-form-org-name">
          <Input id="meeting-form-org-name" value={orgName} disabled />
        </Form.Item>
      ) : (
        <Form.Item name="org" label={t('meeting.org')} rules={[required]}>
          <OrgTreeSelect style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t('meeting.title')}
        rules={[
          { required: true, whitespace: true, message: t('form.required') },
          { max: 120, message: t('form.maxLength', { n: 120 }) },
        ]}
      >
        <Input maxLength={120} showCount placeholder={t('meeting.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="typeCodes" label={t('meeting.types')} rules={[required]} extra={t('meeting.typesHelp')}>
        <Select<string[]>
          mode="multiple"
          maxCount={6}
          loading={types.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(types.data ?? [])
            .filter((x) => x.active)
            .map((x) => ({ value: x.code, label: locale === 'zh-CN' ? x.nameZh : x.nameEn }))}
        />
      </Form.Item>
      <div className="re-form-grid">
        <Form.Item name="startsAt" label={t('meeting.startsAt')} rules={[required]}>
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DT}
            disabled={locked}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label={t('meeting.endsAt')}
          dependencies={['startsAt']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: async (_r, v: Dayjs | undefined) => {
                const s = getFieldValue('startsAt') as Dayjs | undefined;
                if (v && s && !v.isAfter(s)) throw new Error(t('meeting.endBeforeStart'));
              },
            }),
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={DT}
            disabled={locked}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </div>

      <Divider titlePlacement="start" plain className="re-form-divider">
        {t('meeting.section.place')}
      </Divider>
      <Form.Item name="venueId" label={t('meeting.venue')}>
        <VenueSelect venues={venues.data?.data ?? []} loading={venues.isPending} disabled={locked} />
      </Form.Item>
      {!locked && (
        <VenueAvailability
          venueId={venueId}
          startsAt={startsAt ? fromBeijing(startsAt) : undefined}
          endsAt={endsAt ? fromBeijing(endsAt) : undefined}
          excludeMeetingId={editId}
        />
      )}
      <Form.Item
        name="location"
        label={t('meeting.location')}
        rules={[{ max: 200, message: t('form.maxLength', { n: 200 }) }]}
      >
        <Input maxLength={200} placeholder={t('meeting.locationPlaceholder')} />
      </Form.Item>

      <Divider titlePlacement="start" plain className="re-form-divider">
        {t('meeting.section.people')}
      </Divider>
      <div className="re-form-grid">
        <Form.Item name="hostName" label={t('meeting.host')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="recorderName" label={t('meeting.recorder')} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
      </div>
      <Form.Item name="organizers" label={t('meeting.organizers')} extra={t('meeting.organizersHelp')}>
        <MemberListField max={20} aria-label={t('meeting.organizers')} />
      </Form.Item>
      <ParticipantsFields disabled={locked} />
      <Form.Item name="jointOrgs" label={t('meeting.jointOrgs')} extra={t('meeting.jointOrgsHelp')}>
        <OrgMultiSelect placeholder={t('org.pick')} />
      </Form.Item>
      <Form.Item
        name="agenda"
        label={t('meeting.agenda')}
        rules={[{ max: 5000, message: t('form.maxLength', { n: 5000 }) }]}
      >
        <Input.TextArea rows={4} maxLength={5000} placeholder={t('meeting.agendaPlaceholder')} />
      </Form.Item>
      <CheckinSettingsFields venueHasCoords={venueHasCoords} />
    </>
  );
}
