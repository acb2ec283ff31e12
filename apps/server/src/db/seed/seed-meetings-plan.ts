import type { Random } from './random.js';
import {
  activityTitle,
  committeeItem,
  generalItem,
  groupTopic,
  jointTopic,
  lectureTopic,
  QUARTER_ZH,
  themeTopic,
} from './seed-meetings-text.js';
import type { SeedBranch } from './seed-members.js';

/** The calendar of one branch's 组织生活 for the demo: what is held when, before people are added. */

export type Audience = { kind: 'branch' } | { kind: 'group'; groupId: string } | { kind: 'core' };

export type Intent = {
  /** The organizer: the branch, or one of its party groups for a 党小组会. */
  orgId: string;
  typeCodes: string[];
  title: string;
  topic: string;
  date: string;
  time: string;
  durationMinutes: number;
  /** How likely the branch books its activity center rather than its own room. */
  venueChance: number;
  audience: Audience;
};

export type PlanWindow = { start: string; today: string; end: string };

export type BranchCalendar = {
  branch: SeedBranch;
  groups: { id: string; name: string }[];
  /** One of the ~10% of branches that miss a few 三会一课 items. */
  lax: boolean;
};

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const HOLIDAYS = /-(01-01|05-0[1-5]|10-0[1-7])$/;
const isWorkday = (date: string) => weekday(date) >= 1 && weekday(date) <= 5 && !HOLIDAYS.test(date);

/** The nearest workday from a date, looking forward first and never leaving its month. */
function workdayNear(date: string): string {
  for (let i = 0; i < 10; i++) {
    const d = addDays(date, i);
    if (d.slice(0, 7) === date.slice(0, 7) && isWorkday(d)) return d;
  }
  for (let i = 1; i < 20; i++) {
    const d = addDays(date, -i);
    if (isWorkday(d)) return d;
  }
  return date;
}
function workdayIn(rnd: Random, y: number, m: number, from: number, to: number): string {
  const days: string[] = [];
  for (let d = from; d <= Math.min(to, daysIn(y, m)); d++) if (isWorkday(isoDate(y, m, d))) days.push(isoDate(y, m, d));
  return days.length ? rnd.pick(days) : workdayNear(isoDate(y, m, from));
}

function friday(y: number, m: number, which: 'first' | 'last'): string {
  const days = Array.from({ length: daysIn(y, m) }, (_, i) => isoDate(y, m, i + 1)).filter(
    (d) => weekday(d) === 5 && isWorkday(d),
  );
  return which === 'first' ? days[0]! : days[days.length - 1]!;
}

export type Month = { y: number; m: number };
export function monthsOf(win: PlanWindow): Month[] {
  const out: Month[] = [];
  let y = Number(win.start.slice(0, 4));
  let m = Number(win.start.slice(5, 7));
  while (isoDate(y, m, 1) <= win.end) {
    out.push({ y, m });
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y += 1;
  }
  return out;
}

const chance = (rnd: Random, p: number) => rnd.next() < p;

/** Plans a year of a branch's meetings following the 三会一课 rules, with the gaps of a lax branch. */
export function planBranch(rnd: Random, cal: BranchCalendar, win: PlanWindow): Intent[] {
  const { branch, groups, lax } = cal;
  const months = monthsOf(win);
  const past = months.filter(({ y, m }) => isoDate(y, m, daysIn(y, m)) < win.today);
  const themeRule = rnd.pick(['first', 'last', 'fixed', 'fixed'] as const);
  const themeDay = rnd.int(8, 20);
  const activityRate = branch.domain === 'community' || branch.domain === 'village' ? 0.35 : 0.2;
  const out: Intent[] = [];
  const add = (i: Omit<Intent, 'orgId' | 'audience'> & { orgId?: string; audience?: Audience }) =>
    out.push({ orgId: branch.id, audience: { kind: 'branch' }, ...i });

  // What a lax branch misses: a few 支委会 (always last month's), one group's meetings twice, a quarter's 党员大会.
  const skipCommittee = new Set<string>();
  const skipGroup = new Set<string>();
  let skipGeneralQuarter = '';
  let skipLectureQuarter = '';
  if (lax && past.length) {
    for (let i = 0; i < 3; i++) skipCommittee.add(key(rnd.pick(past)));
    skipCommittee.add(key(past[past.length - 1]!));
    const g = groups.length ? rnd.pick(groups).id : '';
    for (let i = 0; i < 2; i++) skipGroup.add(`${g}|${key(rnd.pick(past))}`);
    skipGeneralQuarter = quarterKey(rnd.pick(past));
    if (chance(rnd, 0.5)) skipLectureQuarter = quarterKey(rnd.pick(past));
  }

  // Quarterly items go to one month of each quarter the window covers.
  const quarterMonth = new Map<string, { general: string; lecture: string }>();
  for (const mo of months) {
    const qk = quarterKey(mo);
    if (quarterMonth.has(qk)) continue;
    const inWindow = months.filter((x) => quarterKey(x) === qk).map(key);
    quarterMonth.set(qk, { general: rnd.pick(inWindow), lecture: rnd.pick(inWindow) });
  }

  for (const mo of months) {
    const { y, m } = mo;
    const mk = key(mo);
    const qk = quarterKey(mo);
    const q = QUARTER_ZH[Math.floor((m - 1) / 3)]!;
    const qm = quarterMonth.get(qk)!;
    const general = qm.general === mk && skipGeneralQuarter !== qk;
    const lecture = qm.lecture === mk && skipLectureQuarter !== qk;

    // 主题党日, often also the quarter's 党员大会 or 党课 (one meeting counted for several types).
    const themeDate =
      themeRule === 'fixed' ? workdayNear(isoDate(y, m, themeDay)) : friday(y, m, themeRule as 'first' | 'last');
    const onFriday = weekday(themeDate) === 5;
    const topic = themeTopic(rnd, y, m);
    const withGeneral = general && chance(rnd, 0.6);
    const withLecture = lecture && chance(rnd, withGeneral ? 0.2 : 0.5);
    const lTopic = lectureTopic(rnd);
    const themeTypes = [
      'theme_day',
      ...(withGeneral ? ['general_meeting'] : []),
      ...(withLecture ? ['party_lecture'] : []),
    ];
    if (!withGeneral && !withLecture && chance(rnd, 0.12)) themeTypes.push('volunteer');
    const also = [withGeneral ? `第${q}季度党员大会` : '', withLecture ? '党课' : ''].filter(Boolean).join('、');
    add({
      typeCodes: themeTypes,
      title: `${y}年${m}月主题党日${also ? `暨${also}` : ''}：${withLecture ? lTopic : topic}`,
      topic: withLecture ? lTopic : topic,
      date: themeDate,
      time: onFriday ? '14:30' : rnd.pick(['09:00', '14:30']),
      durationMinutes: withGeneral || withLecture ? 180 : 150,
      venueChance: 0.65,
    });
    if (general && !withGeneral) {
      const item = generalItem(rnd);
      add({
        typeCodes: ['general_meeting'],
        title: `${y}年第${q}季度党员大会：${item}`,
        topic: item,
        date: workdayIn(rnd, y, m, 12, 26),
        time: rnd.pick(['09:00', '15:00']),
        durationMinutes: 120,
        venueChance: 0.6,
      });
    }
    if (lecture && !withLecture) {
      add({
        typeCodes: ['party_lecture'],
        title: `第${q}季度党课：${lTopic}`,
        topic: lTopic,
        date: workdayIn(rnd, y, m, 10, 27),
        time: rnd.pick(['09:00', '15:00']),
        durationMinutes: rnd.pick([90, 120]),
        venueChance: 0.7,
      });
    }
    if (!skipCommittee.has(mk)) {
      const item = committeeItem(rnd);
      add({
        typeCodes: ['committee_meeting'],
        title: `${m}月支委会：${item}`,
        topic: item,
        date: workdayIn(rnd, y, m, 2, 10),
        time: rnd.pick(['09:00', '10:00', '15:00', '16:00']),
        durationMinutes: rnd.pick([60, 60, 90]),
        venueChance: 0.25,
        audience: { kind: 'core' },
      });
    }
    for (const g of groups) {
      if (skipGroup.has(`${g.id}|${mk}`)) continue;
      const t = groupTopic(rnd);
      add({
        orgId: g.id,
        typeCodes: ['group_meeting'],
        title: `${g.name}${m}月党小组会：${t}`,
        topic: t,
        date: workdayIn(rnd, y, m, 8, 26),
        time: rnd.pick(['09:30', '15:00', '16:00', '16:30']),
        durationMinutes: rnd.pick([60, 60, 90]),
        venueChance: 0.3,
        audience: { kind: 'group', groupId: g.id },
      });
    }
    if (chance(rnd, activityRate)) {
      const code = rnd.pick(['volunteer', 'volunteer', 'study', 'culture'] as const);
      const t = activityTitle(rnd, code);
      add({
        typeCodes: [code],
        title: t,
        topic: t,
        date: workdayIn(rnd, y, m, 5, 25),
        time: rnd.pick(['09:00', '14:30']),
        durationMinutes: rnd.pick([120, 180]),
        venueChance: code === 'volunteer' ? 0.2 : 0.5,
      });
    }
    // 组织生活会 + 民主评议党员 in December (a few early, in November); the 谈心谈话 before it.
    if (m === 12 || (m === 11 && chance(rnd, 0.15))) {
      if (
        !out.some((i) => i.typeCodes.includes('life_meeting') && i.date.startsWith(String(y))) &&
        !(lax && chance(rnd, 0.5))
      ) {
        const date = workdayIn(rnd, y, m, 10, 28);
        const combined = chance(rnd, 0.8);
        add({
          typeCodes: combined ? ['life_meeting', 'democratic_review'] : ['life_meeting'],
          title: `${y}年度组织生活会${combined ? '暨民主评议党员' : ''}`,
          topic: `${y}年度组织生活会`,
          date,
          time: '09:00',
          durationMinutes: 180,
          venueChance: 0.4,
        });
        if (!combined)
          add({
            typeCodes: ['democratic_review', 'general_meeting'],
            title: `${y}年度民主评议党员大会`,
            topic: '民主评议党员',
            date: workdayNear(addDays(date, 3)),
            time: '15:00',
            durationMinutes: 120,
            venueChance: 0.3,
          });
        if (!lax)
          add({
            typeCodes: ['heart_talk'],
            title: `${y}年度组织生活会会前谈心谈话`,
            topic: '谈心谈话',
            date: workdayNear(addDays(date, -rnd.int(7, 14))),
            time: '14:30',
            durationMinutes: 120,
            venueChance: 0,
          });
      }
    }
  }
  // The current year's 谈心谈话 for the branches that hold it earlier in the year.
  const year = Number(win.today.slice(0, 4));
  const earlier = past.filter((x) => x.y === year);
  if (!lax && earlier.length && chance(rnd, 0.4)) {
    const mo = rnd.pick(earlier);
    add({
      typeCodes: ['heart_talk'],
      title: `${year}年谈心谈话`,
      topic: '谈心谈话',
      date: workdayIn(rnd, mo.y, mo.m, 5, 25),
      time: '14:30',
      durationMinutes: 120,
      venueChance: 0,
    });
  }
  return out
    .map((i) => (i.date === win.today ? { ...i, date: nextWorkday(win.today) } : i))
    .filter((i) => i.date >= win.start && i.date <= win.end && (!branch.foundedOn || i.date >= branch.foundedOn));
}

export function nextWorkday(date: string): string {
  let d = addDays(date, 1);
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}
export const shiftToWorkday = workdayNear;

function key(mo: Month) {
  return `${mo.y}-${pad(mo.m)}`;
}
function quarterKey(mo: Month) {
  return `${mo.y}-Q${Math.floor((mo.m - 1) / 3) + 1}`;
}

/** Joint meetings (联席会议): a community organizes one per quarter with two or three units' branches. */
export function planJoint(
  rnd: Random,
  organizer: SeedBranch,
  partners: SeedBranch[],
  win: PlanWindow,
): (Intent & { jointOrgIds: string[] })[] {
  const out: (Intent & { jointOrgIds: string[] })[] = [];
  const quarters = new Map<string, Month[]>();
  for (const mo of monthsOf(win)) quarters.set(quarterKey(mo), [...(quarters.get(quarterKey(mo)) ?? []), mo]);
  for (const months of quarters.values()) {
    const mo = rnd.pick(months);
    const date = workdayIn(rnd, mo.y, mo.m, 10, 22);
    const joint: SeedBranch[] = [];
    const n = Math.min(rnd.int(2, 3), partners.length);
    while (joint.length < n) {
      const p = rnd.pick(partners);
      if (!joint.includes(p)) joint.push(p);
    }
    if (date < win.start || date > win.end || date === win.today) continue;
    const topic = jointTopic(rnd);
    out.push({
      orgId: organizer.id,
      typeCodes: ['joint_meeting'],
      title: `${mo.y}年第${QUARTER_ZH[Math.floor((mo.m - 1) / 3)]}季度党建联席会议：${topic}`,
      topic,
      date,
      time: '09:30',
      durationMinutes: 120,
      venueChance: 0.7,
      audience: { kind: 'core' },
      jointOrgIds: joint.map((j) => j.id),
    });
  }
  return out;
}
