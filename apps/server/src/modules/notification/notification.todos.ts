import type { Permission, Todo } from '@red-engine/shared';
import type { Config } from '../../config.js';
import type { Actor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { scopePaths } from '../../core/scope.js';
import type { Db } from '../../db/client.js';
import { createCommitteeService } from '../committee/index.js';
import { createComplianceService } from '../compliance/index.js';
import { createAttendanceService } from '../meeting/meeting.attendance.js';
import { iso } from '../meeting/meeting.mapper.js';
import { createMeetingRepository, pendingLeaves } from '../meeting/meeting.repository.js';
import { createMeetingService } from '../meeting/meeting.service.js';
import { createRecruitmentService } from '../recruitment/index.js';
import { awaitingApproval } from '../transfer/transfer.repository.js';
import { notifySettings } from './notification.notify.js';

/**
 * 待办: computed live from each module's own counts, never stored. A provider answers for one module what the actor
 * has to do there; it returns nothing when the actor holds no permission for it. Counts are taken in the scope where
 * the actor can act (a write permission), so a viewer-only leader gets no to-dos and a branch admin only the branch's.
 */
export type TodoProvider = (actor: Actor, db: Db) => Promise<Todo[]>;

const ITEMS = 5;
const DAY_MS = 86_400_000;

/** The actor as seen by a module's read query, narrowed to where the actor may also resolve the thing (write). */
function resolver(actor: Actor, read: Permission, write: Permission): Actor | null {
  const roots = scopePaths(actor, write);
  if (roots.length === 0) return null;
  return { ...actor, scopes: new Map([...actor.scopes, [read, roots]]) };
}

const todo = (t: Omit<Todo, 'params' | 'items'> & Partial<Pick<Todo, 'params' | 'items'>>): Todo => ({
  params: {},
  items: [],
  ...t,
});

/** The actor's own member record is optional: accounts without one simply have no member to-dos. */
async function orNone<T>(work: Promise<T[]>): Promise<T[]> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return [];
    throw err;
  }
}

/** The providers of the modules that exist so far; a new module adds its own here. */
export function createTodoProviders(deps: { db: Db; config: Config }): Record<string, TodoProvider> {
  const meetings = createMeetingService({ db: deps.db });
  const attendance = createAttendanceService({ db: deps.db, meetings });
  const committees = createCommitteeService({ db: deps.db });
  const compliance = createComplianceService({ db: deps.db });
  const recruitment = createRecruitmentService({ db: deps.db, config: deps.config });

  return {
    /** 请假审批 (meeting:write). */
    async meetingLeaves(actor, db) {
      const roots = scopePaths(actor, 'meeting:write');
      if (!roots.length) return [];
      const { total, rows } = await pendingLeaves(db, roots, ITEMS);
      if (!total) return [];
      return [
        todo({
          kind: 'leave.approval',
          count: total,
          level: 'warning',
          link: rows[0] ? `/meetings/${rows[0].id}?tab=leaves` : '/meetings',
          items: rows.map((r) => ({
            id: r.id,
            title: r.title,
            at: iso(r.starts_at),
            link: `/meetings/${r.id}?tab=leaves`,
            count: r.n,
          })),
        }),
      ];
    },

    /** 活动记录待归档: meetings that ended and are not archived yet (meeting:write). */
    async meetingRecords(actor, db) {
      const roots = scopePaths(actor, 'meeting:write');
      if (!roots.length) return [];
      const { total, rows } = await createMeetingRepository(db).list(
        roots,
        { phase: 'ended', current: 1, pageSize: ITEMS },
        new Date(),
      );
      if (!total) return [];
      return [
        todo({
          kind: 'meeting.unarchived',
          count: total,
          level: 'info',
          link: rows[0] ? `/meetings/${rows[0].id}?tab=records` : '/meetings',
          items: rows.map((r) => ({
            id: r.id,
            title: r.title,
            at: iso(r.starts_at),
            link: `/meetings/${r.id}?tab=records`,
          })),
        }),
      ];
    },

    /** 组织关系转接 awaiting the actor's approval (transfer:approve). */
    async transfers(actor, db) {
      const roots = scopePaths(actor, 'transfer:approve');
      if (!roots.length) return [];
      const { total, rows } = await awaitingApproval(db, roots, ITEMS);
      if (!total) return [];
      return [
        todo({
          kind: 'transfer.approval',
          count: total,
          level: 'warning',
          link: '/transfers',
          items: rows.map((r) => ({
            id: r.id,
            title: r.member_name,
            at: r.requested_on,
            link: `/transfers?id=${r.id}`,
          })),
        }),
      ];
    },

    /** 换届: terms expired without an election, and terms expiring within six months (committee:write). */
    async committees(actor) {
      const as = resolver(actor, 'org:read', 'committee:write');
      if (!as) return [];
      const w = await committees.warnings(as, {});
      const items = (level: (l: string) => boolean) =>
        w.data
          .filter((x) => level(x.level))
          .slice(0, ITEMS)
          .map((x) => ({ id: x.committeeId, title: x.orgName, at: x.expiresOn, link: '/term-warnings' }));
      const out: Todo[] = [];
      if (w.counts.overdue)
        out.push(
          todo({
            kind: 'term.overdue',
            count: w.counts.overdue,
            level: 'danger',
            link: '/term-warnings',
            items: items((l) => l === 'overdue'),
          }),
        );
      const expiring = (w.counts['1m'] ?? 0) + (w.counts['3m'] ?? 0) + (w.counts['6m'] ?? 0);
      if (expiring)
        out.push(
          todo({
            kind: 'term.expiring',
            count: expiring,
            level: w.counts['1m'] ? 'warning' : 'info',
            link: '/term-warnings',
            params: { withinMonth: w.counts['1m'] ?? 0 },
            items: items((l) => l !== 'overdue'),
          }),
        );
      return out;
    },

    /** 发展党员: steps past their due date, and due within the warning window (recruitment:write). */
    async recruitment(actor) {
      const as = resolver(actor, 'recruitment:read', 'recruitment:write');
      if (!as) return [];
      const board = await recruitment.board(as, {});
      const overdue = board.stages.reduce((n, s) => n + s.overdue, 0);
      const soon = board.stages.reduce((n, s) => n + s.dueSoon, 0);
      const out: Todo[] = [];
      if (overdue)
        out.push(todo({ kind: 'recruitment.overdue', count: overdue, level: 'danger', link: '/recruitment' }));
      if (soon) out.push(todo({ kind: 'recruitment.due_soon', count: soon, level: 'info', link: '/recruitment' }));
      return out;
    },

    /** 三会一课: cycles overdue and cycles about to end short (resolved by planning meetings: meeting:write). */
    async compliance(actor) {
      const as = resolver(actor, 'compliance:read', 'meeting:write');
      if (!as) return [];
      const page = await compliance.warnings(as, { current: 1, pageSize: 100_000 });
      const out: Todo[] = [];
      for (const status of ['overdue', 'warning'] as const) {
        const rows = page.data.filter((w) => w.status === status);
        if (!rows.length) continue;
        // One line per organization: how many of its cycles, the earliest end first.
        const byOrg = new Map<string, { id: string; title: string; at: string; count: number }>();
        for (const w of rows) {
          const o = byOrg.get(w.orgId) ?? { id: w.orgId, title: w.orgName, at: w.end, count: 0 };
          o.count += 1;
          if (w.end < o.at) o.at = w.end;
          byOrg.set(w.orgId, o);
        }
        out.push(
          todo({
            kind: status === 'overdue' ? 'compliance.overdue' : 'compliance.warning',
            count: rows.length,
            level: status === 'overdue' ? 'danger' : 'warning',
            link: '/compliance?tab=warnings',
            items: [...byOrg.values()]
              .sort((a, b) => b.count - a.count || a.at.localeCompare(b.at))
              .slice(0, ITEMS)
              .map((o) => ({ ...o, link: '/compliance?tab=warnings' })),
          }),
        );
      }
      return out;
    },

    /** The member's own: meetings to attend soon (not checked in, no leave), and leave requests not yet decided. */
    async myMeetings(actor, db) {
      if (!actor.permissions.has('profile:read')) return [];
      const days = (await notifySettings(db))['todo.meeting_upcoming_days'];
      const page = await orNone(
        attendance.myMeetings(actor, { when: 'upcoming', current: 1, pageSize: 50 }).then((p) => p.data),
      );
      const horizon = Date.now() + days * DAY_MS;
      const toAttend = page.filter(
        (m) =>
          m.phase !== 'cancelled' &&
          m.myStatus === 'pending' &&
          m.leave?.status !== 'pending' &&
          m.leave?.status !== 'approved' &&
          new Date(m.startsAt).getTime() <= horizon,
      );
      const asked = page.filter((m) => m.phase !== 'cancelled' && m.leave?.status === 'pending');
      const item = (m: (typeof page)[number]) => ({
        id: m.id,
        title: m.title,
        at: m.startsAt,
        link: `/m/meetings/${m.id}`,
      });
      const out: Todo[] = [];
      if (toAttend.length)
        out.push(
          todo({
            kind: 'meeting.upcoming',
            count: toAttend.length,
            level: 'info',
            link: '/m/meetings',
            params: { days },
            items: toAttend.slice(0, ITEMS).map(item),
          }),
        );
      if (asked.length)
        out.push(
          todo({
            kind: 'leave.awaiting',
            count: asked.length,
            level: 'info',
            link: '/m/meetings',
            items: asked.slice(0, ITEMS).map(item),
          }),
        );
      return out;
    },
  };
}
