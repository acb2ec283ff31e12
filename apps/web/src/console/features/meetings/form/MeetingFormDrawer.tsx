import type { MeetingDetail } from '@red-engine/shared';
import { Alert, App, Drawer, Form, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { applyFormError } from '../../../../lib/errors';
import { isApiError } from '../../../../lib/http';
import { useI18n } from '../../../../lib/i18n';
import { DrawerSaveActions } from '../../../components/DrawerSaveActions';
import { useMeeting, useSaveMeeting } from '../api';
import { MeetingFormFields } from './MeetingFormFields';
import {
  changedOnly,
  emptyMeetingValues,
  type MeetingFormValues,
  toFormError,
  valuesToBody,
} from './meeting-form-values';
import { useEditValues } from './useEditValues';

/**
 * `prefill` starts a new plan from a context, e.g. the venue calendar: the venue and the start (a Beijing
 * wall-clock Dayjs, lib/time); without an end the plan gets two hours.
 */
export type MeetingFormPrefill = Pick<Partial<MeetingFormValues>, 'venueId' | 'startsAt' | 'endsAt' | 'org' | 'title'>;
export type MeetingFormTarget = { mode: 'create'; prefill?: MeetingFormPrefill } | { mode: 'edit'; meetingId: string };

const withEnd = (p: MeetingFormPrefill | undefined): MeetingFormPrefill | undefined =>
  p?.startsAt && !p.endsAt ? { ...p, endsAt: p.startsAt.add(120, 'minute') } : p;

/** 新建活动 / 编辑活动 in a drawer; the plan is sent whole (PATCH for edits), check-in settings only when set. */
export function MeetingFormDrawer({
  target,
  onClose,
  onSaved,
}: {
  target: MeetingFormTarget | null;
  onClose: () => void;
  onSaved?: (id: string, created: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingFormValues>();
  const save = useSaveMeeting();
  const editId = target?.mode === 'edit' ? target.meetingId : undefined;
  const detail = useMeeting(editId);
  const editValues = useEditValues(editId ? detail.data : undefined);
  // The server's VENUE_CONFLICT message names the booking that is in the way.
  const [refused, setRefused] = useState<string | null>(null);
  const refusedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) refusedRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [refused]);

  const prevStart = useRef<Dayjs | undefined>(undefined);
  const ready = !editId || editValues !== null;
  // Fill the form once per opening: later refetches (attendance polling) must not wipe the user's edits.
  const filledFor = useRef<MeetingFormTarget | null>(null);
  const initialBody = useRef<ReturnType<typeof valuesToBody> | null>(null);
  useEffect(() => {
    if (!target) filledFor.current = null;
    if (!target || !ready || filledFor.current === target) return;
    filledFor.current = target;
    const initial = editValues ?? {
      ...emptyMeetingValues(),
      ...withEnd(target.mode === 'create' ? target.prefill : undefined),
    };
    form.resetFields();
    form.setFieldsValue(initial);
    initialBody.current = editValues ? valuesToBody(form, initial as MeetingFormValues) : null;
    prevStart.current = initial.startsAt;
    setRefused(null);
  }, [target, ready, editValues, form]);

  const locked = Boolean(editId && detail.data && dayjs().isAfter(detail.data.startsAt));

  const onFinish = (v: MeetingFormValues) => {
    const body = valuesToBody(form, v);
    const request = editId
      ? { id: editId, body: changedOnly(body, initialBody.current) }
      : { body: { ...body, orgId: v.org?.value ?? '', location: body.location ?? undefined } };
    setRefused(null);
    save.mutate(request, {
      onSuccess: (m: MeetingDetail) => {
        message.success(editId ? t('meeting.saved') : t('meeting.created'));
        onClose();
        onSaved?.(m.id, !editId);
      },
      onError: (e) => {
        if (isApiError(e) && e.code === 'VENUE_CONFLICT') {
          setRefused(e.message);
          return;
        }
        applyFormError(form, toFormError(e));
      },
    });
  };

  // Moving the start keeps the planned duration; a new plan gets two hours.
  const onValuesChange = (changed: Partial<MeetingFormValues>, all: MeetingFormValues) => {
    if (!changed.startsAt) return;
    const before = prevStart.current;
    prevStart.current = changed.startsAt;
    if (!before && all.endsAt?.isAfter(changed.startsAt)) return;
    const duration = before && all.endsAt ? all.endsAt.diff(before, 'minute') : 0;
    form.setFieldValue('endsAt', changed.startsAt.add(duration > 0 ? duration : 120, 'minute'));
  };

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      title={editId ? t('meeting.editTitle') : t('meeting.createTitle')}
      size={780}
      forceRender
      destroyOnHidden={false}
      extra={<DrawerSaveActions onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
      className="re-meeting-drawer"
    >
      {!ready ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Form<MeetingFormValues>
          form={form}
          name="meeting-form"
          layout="vertical"
          onFinish={onFinish}
          onValuesChange={onValuesChange}
          scrollToFirstError
        >
          <div ref={refusedRef}>
            {refused && <Alert type="error" showIcon role="alert" className="re-modal-alert" title={refused} />}
          </div>
          {locked && <Alert type="info" showIcon className="re-modal-alert" title={t('meeting.startedLocked')} />}
          <MeetingFormFields editId={editId} orgName={detail.data?.orgName} locked={locked} />
        </Form>
      )}
    </Drawer>
  );
}
