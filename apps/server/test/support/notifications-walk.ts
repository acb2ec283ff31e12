import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/rows.js';
import type { TestApp } from '../../src/test-support/test-app.js';

/**
 * Fixtures for the 消息 routes in the permission walk: one unread message for each named account (its own), and one
 * for an account nobody walks as (everyone else's: it must be 404 for all of them).
 */
export async function setUpNotificationsWalk(t: TestApp, usernames: string[], foreignUserId: string) {
  const messageFor = async (userId: string) => {
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into notifications (recipient_user_id, kind, params, link, source_type, source_id)
        values (${userId}, 'meeting.planned', '{"title":"探针活动"}', '/m/meetings', 'meeting', gen_random_uuid())
        returning id`,
    );
    return row!.id;
  };
  const own = new Map<string, string>();
  for (const username of usernames) {
    const [user] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id from users where username = ${username}`,
    );
    if (user) own.set(username, await messageFor(user.id));
  }
  return { own, foreign: await messageFor(foreignUserId) };
}
