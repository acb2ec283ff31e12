import type { CheckinMethod, CheckinRejection, Locale } from '@red-engine/shared';

type LocalizedText = Record<Locale, string>;
const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

const METHOD_ZH: Record<CheckinMethod, string> = {
  room_code: '扫描现场二维码',
  staff_scan: '签到人员扫码',
  organizer: '组织者代签',
  makeup: '补签',
};
const METHOD_EN: Record<CheckinMethod, string> = {
  room_code: 'scanning the room code',
  staff_scan: 'a door volunteer’s scan',
  organizer: 'the organizer',
  makeup: 'a make-up entry',
};

/** Beijing time of day for messages: the zone works in UTC+8 whatever the server's clock zone. */
export const beijingTime = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
export const beijingDateTime = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Texts of the meetings and check-in module, in both languages. */
export const MEETING_MESSAGES = {
  meetingEndBeforeStart: t('结束时间须晚于开始时间', 'The end must be after the start'),
  meetingTooLong: t('单次活动不超过 7 天', 'An activity lasts at most 7 days'),
  meetingUnknownType: (code: string) =>
    t(`活动类型「${code}」不存在或已停用`, `Activity type “${code}” does not exist or is inactive`),
  meetingNoParticipants: t(
    '请选择参加对象（组织、党小组或党员）',
    'Choose who takes part (organizations, groups or members)',
  ),
  meetingOrgOutOfScope: t(
    '只能为您管理范围内的组织安排活动',
    'You can only plan activities for organizations you manage',
  ),
  meetingGroupNotGroup: t('所选组织不是党小组', 'The chosen organization is not a party group'),
  meetingNotEditable: t(
    '活动已取消或已归档，不能再修改',
    'The activity is cancelled or archived and cannot be changed',
  ),
  meetingStarted: t(
    '活动已开始，不能再修改时间或参加对象',
    'The activity has started: its time and participants can no longer change',
  ),
  meetingWindow: t('签到开放时间须早于关闭时间', 'Check-in must open before it closes'),
  meetingFenceCenter: t(
    '开启地理围栏须有中心坐标（选择有坐标的阵地或填写坐标）',
    'A geofence needs a centre: choose a venue with coordinates or enter them',
  ),
  venueConflict: (title: string, org: string, from: Date, to: Date) =>
    t(
      `该阵地在 ${beijingDateTime(from)}–${beijingTime(to)} 已被「${org}」的「${title}」预约`,
      `The venue is booked ${beijingDateTime(from)}–${beijingTime(to)} by “${title}” (${org})`,
    ),
  makeupNotParticipant: t('补签的党员须在参加对象中', 'Make-ups are for members on the participant list'),
  makeupBeforeStart: t(
    '活动开始后才能补签或代签',
    'Make-ups and sign-ins by the organizer start when the activity starts',
  ),
  leaveAfterEnd: t('活动已结束，不能再请假', 'The activity is over: leave can no longer be asked'),
  leaveAlreadyPresent: t('已签到，无需请假', 'Already checked in: no leave needed'),
  leaveExists: t('已有请假申请', 'A leave request already exists'),
  leaveNotPending: t('该请假申请已处理', 'This leave request has already been decided'),
  leaveNotWithdrawable: t('活动开始后不能撤回请假', 'Leave cannot be withdrawn once the activity has started'),
  staffTokenRevokedAlready: t('该签到授权已收回', 'This check-in authorisation has already been revoked'),
  staffTokenWindow: t('签到人员的有效期须在开始之后结束', 'The volunteer’s validity must end after it starts'),
  checkin: (
    reason: CheckinRejection,
    p: { at?: Date; method?: CheckinMethod; distance?: number; positionError?: string | null },
  ): LocalizedText => {
    switch (reason) {
      case 'forged':
        return t(
          '签到码无效，请扫描会场投屏上的二维码',
          'This is not a valid check-in code: scan the code on the meeting-room screen',
        );
      case 'expired':
        return t(
          '二维码已过期（每 30 秒更换一次），请重新扫描现场二维码',
          'The code has expired (it changes every 30 s): scan the room code again',
        );
      case 'other_meeting':
        return t('这是另一场活动的签到码', 'This code belongs to another activity');
      case 'not_participant':
        return t(
          '您不在本次活动的参加人员名单中，如有疑问请联系组织者',
          'You are not on this activity’s participant list; ask the organizer',
        );
      case 'outside_window':
        return t('不在签到时间内', 'Check-in is not open at this time');
      case 'outside_fence':
        return t(
          `您距离活动地点约 ${p.distance ?? '?'} 米，超出签到范围，请到现场后再签到`,
          `You are about ${p.distance ?? '?'} m from the venue, outside the check-in area; check in on site`,
        );
      case 'location_required':
        return p.positionError === 'denied'
          ? t(
              '本次活动需要核验位置：请在浏览器设置中允许获取位置后重试，或请现场签到人员扫描您的签到码',
              'This activity checks your location: allow location access in the browser and retry, or ask the door volunteer to scan your personal code',
            )
          : p.positionError
            ? t(
                '未能获取您的位置，请到信号较好处重试，或请现场签到人员扫描您的签到码',
                'Your location could not be found: retry where the signal is better, or ask the door volunteer to scan your personal code',
              )
            : t('本次活动需要核验位置', 'This activity checks your location');
      case 'already_checked_in':
        return t(
          `已于 ${p.at ? beijingTime(p.at) : ''} 通过${p.method ? METHOD_ZH[p.method] : ''}签到，无需重复签到`,
          `Already checked in at ${p.at ? beijingTime(p.at) : ''} by ${p.method ? METHOD_EN[p.method] : ''}`,
        );
      case 'meeting_cancelled':
        return t('活动已取消', 'The activity has been cancelled');
      case 'staff_token_revoked':
        return t('签到授权已被收回，请联系组织者', 'This check-in authorisation has been revoked; ask the organizer');
      case 'staff_token_outside_window':
        return t('签到授权不在有效时间内', 'This check-in authorisation is not valid at this time');
      case 'staff_token_invalid':
        return t(
          '签到授权无效，请重新打开组织者发给您的链接',
          'The check-in authorisation is not valid; open the organizer’s link again',
        );
    }
  },
};
