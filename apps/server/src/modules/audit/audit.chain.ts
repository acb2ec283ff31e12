import { canonicalJson } from '../../core/canonical-json.js';
import { sha256Hex } from '../../core/crypto.js';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  orgPath: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};

/** SHA-256 over the previous hash and the canonical JSON of the event's fields. */
export function computeEventHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    orgPath: e.orgPath,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
  });
  return sha256Hex(`${prevHash}\n${body}`);
}

export type VerifyOutcome = {
  ok: boolean;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  brokenAt: number | null;
  reason: string | null;
};

export type StoredEvent = ChainedFields & { prevHash: string; hash: string };

/** Walks events in sequence order and reports the first one whose link or content does not verify. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  checked = 0;
  broken: { seq: number; reason: string } | null = null;

  push(e: StoredEvent): boolean {
    if (this.broken) return false;
    const fail = (reason: string) => {
      this.broken = { seq: e.seq, reason };
      return false;
    };
    if (e.seq !== this.expectedSeq) {
      return fail(
        e.seq > this.expectedSeq
          ? `entry ${this.expectedSeq} is missing before entry ${e.seq}`
          : `entry ${e.seq} is out of order`,
      );
    }
    if (e.prevHash !== this.prevHash) return fail(`entry ${e.seq} does not link to entry ${e.seq - 1}`);
    if (computeEventHash(e.prevHash, e) !== e.hash) return fail(`entry ${e.seq} was altered: its hash does not match`);
    this.prevHash = e.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  finish(head: { seq: number; hash: string } | null): VerifyOutcome {
    const lastSeq = this.expectedSeq - 1;
    if (!this.broken && head && (head.seq !== lastSeq || head.hash !== this.prevHash)) {
      this.broken = {
        seq: head.seq > lastSeq ? lastSeq + 1 : head.seq,
        reason:
          head.seq > lastSeq
            ? `entries after ${lastSeq} are missing: the chain head records ${head.seq}`
            : `the chain head (${head.seq}) does not match the last entry (${lastSeq})`,
      };
    }
    return {
      ok: !this.broken,
      checked: this.checked,
      headSeq: lastSeq > 0 ? lastSeq : null,
      headHash: lastSeq > 0 ? this.prevHash : null,
      brokenAt: this.broken?.seq ?? null,
      reason: this.broken?.reason ?? null,
    };
  }
}
