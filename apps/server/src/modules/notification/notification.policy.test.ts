import { NOTIFICATION_KINDS } from '@red-engine/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { notificationText } from '../../core/messages-notifications.js';
import {
  afterFailure,
  enabledChannels,
  maskAddress,
  meetingChanges,
  NOTIFY_DEFAULTS,
  worthTelling,
} from './notification.policy.js';

const settings = (over: Partial<typeof NOTIFY_DEFAULTS> = {}) => ({ ...NOTIFY_DEFAULTS, ...over });

describe('channels', () => {
  it.each([
    [1, 0, ['sms']],
    [0, 0, []],
    [0, 1, ['wechat']],
    [1, 1, ['sms', 'wechat']],
  ] as const)('sms=%i wechat=%i → %j', (sms, wechat, out) => {
    expect(enabledChannels(settings({ 'notify.channel.sms': sms, 'notify.channel.wechat': wechat } as never))).toEqual(
      out,
    );
  });
  it('defaults to the logging SMS only', () => expect(enabledChannels(settings())).toEqual(['sms']));
});

describe('retries', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  it.each([
    [1, 2],
    [2, 4],
    [3, 8],
    [4, 16],
  ])('after attempt %i waits %i minutes', (attempts, mins) => {
    expect(afterFailure(attempts, settings(), now)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + mins * 60_000),
    });
  });
  it('gives up at the configured number of attempts', () => {
    expect(afterFailure(5, settings(), now)).toEqual({ status: 'failed' });
    expect(afterFailure(1, settings({ 'notify.outbox.max_attempts': 1 } as never), now)).toEqual({ status: 'failed' });
  });
  it('never waits more than a day, never goes back in time, and always ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        (attempts, max, base) => {
          const r = afterFailure(
            attempts,
            { 'notify.outbox.max_attempts': max, 'notify.outbox.retry_minutes': base },
            now,
          );
          if (attempts >= max) return r.status === 'failed';
          if (r.status !== 'pending') return false;
          const wait = r.nextAttemptAt.getTime() - now.getTime();
          return wait >= 0 && wait <= 86_400_000;
        },
      ),
    );
  });
});

describe('what an edit changes for participants', () => {
  const base = { startsAt: 'a', endsAt: 'b', venueId: 'v', location: null };
  it.each([
    [{}, []],
    [{ startsAt: 'x' }, ['time']],
    [{ endsAt: 'x' }, ['time']],
    [{ venueId: null }, ['venue']],
    [{ location: '三楼' }, ['venue']],
    [{ location: '' }, []],
    [{ startsAt: 'x', venueId: 'w' }, ['time', 'venue']],
  ] as const)('%j → %j', (change, out) => {
    expect(meetingChanges(base, { ...base, ...change })).toEqual(out);
  });
  it('tells only of what is still ahead', () => {
    const now = new Date('2026-05-01T08:00:00Z');
    expect(worthTelling(new Date('2026-05-01T08:00:01Z'), now)).toBe(true);
    expect(worthTelling(now, now)).toBe(false);
  });
});

describe('external texts', () => {
  it('words every kind in both languages, signed, with Beijing time', () => {
    const params = {
      title: '主题党日',
      orgName: '洗煤厂党支部',
      startsAt: '2026-05-12T06:30:00Z',
      venueName: '党群服务中心',
      location: null,
      memberName: '巴特尔',
      reason: '出差',
      note: null,
    };
    // Meeting and leave messages carry the meeting's time; a study plan its due date (below).
    for (const kind of NOTIFICATION_KINDS.filter((k) => k !== 'study.plan')) {
      const zh = notificationText(kind, params);
      expect(zh.startsWith('【红色引擎】')).toBe(true);
      expect(zh).toContain('主题党日');
      expect(zh).toContain('5月12日 14:30');
      const en = notificationText(kind, params, 'en-US');
      expect(en.startsWith('[Red Engine]')).toBe(true);
      expect(en).toContain('May 12 14:30');
    }
    expect(notificationText('meeting.planned', { ...params, venueName: null })).toContain('另行通知');
    expect(notificationText('study.plan', { title: '二十大精神专题', dueOn: '2026-12-31' })).toBe(
      '【红色引擎】学习提醒：请在2026-12-31前完成学习计划「二十大精神专题」。',
    );
    expect(notificationText('study.plan', { title: 'X', dueOn: '2026-12-31' }, 'en-US')).toContain('by 2026-12-31');
  });
  it('masks addresses in logs', () => {
    expect(maskAddress('13912345678')).toBe('139****5678');
    expect(maskAddress(null)).toBe('—');
    expect(maskAddress('12345')).toBe('****');
  });
});
