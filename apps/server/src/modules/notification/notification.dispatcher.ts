import type { NotificationChannel, NotificationKind, NotificationParams } from '@red-engine/shared';
import { sql } from 'drizzle-orm';
import { decryptText } from '../../core/crypto.js';
import { notificationText } from '../../core/messages-notifications.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { notifySettings } from './notification.notify.js';
import { afterFailure, maskAddress } from './notification.policy.js';

/** One message as a sender gets it: the channel, the opened address, the rendered text and what it is about. */
export type OutboxMessage = {
  id: number;
  channel: NotificationChannel;
  /** The phone for SMS; null for WeChat, whose sender finds the binding of `userId`. */
  address: string | null;
  userId: string | null;
  memberId: string | null;
  kind: NotificationKind;
  params: NotificationParams;
  text: string;
};

/** Delivers one message or throws; an SMS gateway or a WeChat service account plugs in here. */
export interface NotificationSender {
  readonly name: string;
  send(message: OutboxMessage): Promise<void>;
}

type Log = {
  info: (o: object, msg: string) => void;
  error: (o: object, msg: string) => void;
};

/** The default sender: writes each message to the application log (phone masked) and counts it as sent. */
export class LoggingSender implements NotificationSender {
  readonly name = 'logging';
  constructor(private readonly log: Pick<Log, 'info'>) {}
  async send(m: OutboxMessage): Promise<void> {
    this.log.info(
      { outboxId: m.id, channel: m.channel, to: maskAddress(m.address), userId: m.userId, kind: m.kind, text: m.text },
      'notification sent (logging sender)',
    );
  }
}

type OutboxRow = {
  id: number;
  channel: NotificationChannel;
  recipient_user_id: string | null;
  recipient_member_id: string | null;
  address_enc: string | null;
  kind: NotificationKind;
  params: NotificationParams;
  attempts: number;
};

/**
 * Sends up to `limit` due outbox rows in one transaction. The rows are locked FOR UPDATE SKIP LOCKED, so several app
 * instances (or two loops of one) never take the same row; a row leaves `pending` in the transaction that sent it.
 * Delivery is at least once: a crash between a gateway's acceptance and the commit sends that row again.
 */
export async function dispatchOutbox(
  db: Db,
  sender: NotificationSender,
  opts: { dataKey: Buffer; limit?: number; now?: () => Date },
): Promise<{ sent: number; retried: number; failed: number }> {
  const now = opts.now ?? (() => new Date());
  return db.transaction(async (tx) => {
    const rows = await queryRows<OutboxRow>(
      tx,
      sql`select id, channel, recipient_user_id, recipient_member_id, address_enc, kind, params, attempts
        from notification_outbox where status = 'pending' and next_attempt_at <= ${now()}
        order by next_attempt_at, id limit ${opts.limit ?? 100} for update skip locked`,
    );
    const result = { sent: 0, retried: 0, failed: 0 };
    if (rows.length === 0) return result;
    const settings = await notifySettings(tx);
    // The sent rows leave `pending` in one statement: a meeting for thousands must not cost a round trip per message.
    const sentIds: number[] = [];
    for (const r of rows) {
      const attempts = Number(r.attempts) + 1;
      try {
        await sender.send({
          id: Number(r.id),
          channel: r.channel,
          address: r.address_enc ? decryptText(opts.dataKey, r.address_enc) : null,
          userId: r.recipient_user_id,
          memberId: r.recipient_member_id,
          kind: r.kind,
          params: r.params,
          text: notificationText(r.kind, r.params),
        });
        sentIds.push(Number(r.id));
        result.sent += 1;
      } catch (err) {
        const next = afterFailure(attempts, settings, now());
        const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
        await tx.execute(sql`update notification_outbox set status = ${next.status}, attempts = ${attempts},
          last_error = ${error}, next_attempt_at = ${next.status === 'pending' ? next.nextAttemptAt : now()}
          where id = ${r.id}`);
        if (next.status === 'failed') result.failed += 1;
        else result.retried += 1;
      }
    }
    if (sentIds.length > 0)
      await tx.execute(sql`update notification_outbox set status = 'sent', attempts = attempts + 1, sent_at = ${now()},
        last_error = null where id = any(${`{${sentIds.join(',')}}`}::bigint[])`);
    return result;
  });
}

/** Runs the dispatcher every `intervalMs` until stopped (like the audit sealer); errors are logged and retried. */
export function startNotificationDispatcher(
  db: Db,
  deps: { sender: NotificationSender; dataKey: Buffer; log: Log },
  intervalMs = 1000,
) {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      // Drain what is due, a batch at a time.
      for (;;) {
        const r = await dispatchOutbox(db, deps.sender, { dataKey: deps.dataKey });
        if (stopped || r.sent + r.retried + r.failed < 100) break;
      }
    } catch (err) {
      if (!stopped) deps.log.error({ err }, 'notification dispatcher failed; will retry');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await new Promise((r) => setTimeout(r, 10));
    },
  };
}
