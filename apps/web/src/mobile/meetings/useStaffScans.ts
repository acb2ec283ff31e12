import type { CheckinResult } from '@red-engine/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type BeepKind, beep } from './beep';
import { type CheckinOutcome, newNonce, outcomeOfError } from './checkin-outcome';
import { codeFromScan, isRoomCode, staffRequest } from './staff-api';

export type ScanEntry = {
  id: string;
  code: string;
  nonce: string;
  at: number;
  /** null while the request is on its way. */
  outcome: CheckinOutcome | null;
  /** A room code scanned by mistake: told on the spot, never sent. */
  roomCode?: boolean;
};

const KEEP = 20;
const SAME_CODE_MS = 3000; // the camera sees the same code several times a second
const FLASH_MS: Record<BeepKind, number> = { success: 1500, already: 2500, rejected: 3000, unrecorded: 3000 };

const beepOf = (o: CheckinOutcome): BeepKind =>
  o.kind === 'success'
    ? 'success'
    : o.kind === 'already'
      ? 'already'
      : o.kind === 'rejected'
        ? 'rejected'
        : 'unrecorded';

/**
 * The volunteer's scans: each new code gets a fresh nonce and one POST; a retry of a scan that was not recorded reuses
 * its nonce, so the server counts it at most once. The last result flashes full screen with a beep.
 */
export function useStaffScans(token: string, onRecorded: () => void) {
  const [entries, setEntries] = useState<ScanEntry[]>([]);
  const [flashId, setFlashId] = useState<string | null>(null);
  const lastSeen = useRef<{ code: string; at: number } | null>(null);
  const onRecordedRef = useRef(onRecorded);
  onRecordedRef.current = onRecorded;

  const update = useCallback((id: string, patch: Partial<ScanEntry>) => {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, ...patch } : e)));
  }, []);

  const send = useCallback(
    async (entry: ScanEntry) => {
      let outcome: CheckinOutcome;
      try {
        const result = await staffRequest<CheckinResult>('POST', '/checkin/staff-scan', token, {
          code: entry.code,
          nonce: entry.nonce,
        });
        outcome = { kind: 'success', result };
      } catch (e) {
        outcome = outcomeOfError(e);
      }
      update(entry.id, { outcome, at: Date.now() });
      setFlashId(entry.id);
      beep(beepOf(outcome));
      if (outcome.kind !== 'unrecorded') onRecordedRef.current();
    },
    [token, update],
  );

  const scan = useCallback(
    (raw: string) => {
      const code = codeFromScan(raw);
      if (!code) return;
      const now = Date.now();
      const seen = lastSeen.current;
      lastSeen.current = { code, at: now };
      // A code that stays in view is one scan: it must be out of sight for a moment before it counts again.
      if (seen && seen.code === code && now - seen.at < SAME_CODE_MS) return;
      const entry: ScanEntry = { id: newNonce(), code, nonce: newNonce(), at: now, outcome: null };
      if (isRoomCode(code)) {
        entry.roomCode = true;
        entry.outcome = { kind: 'rejected', details: null, message: '' };
      }
      setEntries((list) => [entry, ...list].slice(0, KEEP));
      if (entry.roomCode) {
        setFlashId(entry.id);
        beep('rejected');
        return;
      }
      void send(entry);
    },
    [send],
  );

  const retry = useCallback(
    (id: string) => {
      const entry = entries.find((e) => e.id === id);
      if (entry?.outcome?.kind !== 'unrecorded') return;
      update(id, { outcome: null });
      void send(entry);
    },
    [entries, send, update],
  );

  const flash = entries.find((e) => e.id === flashId && e.outcome) ?? null;
  const dismiss = useCallback(() => setFlashId(null), []);
  useEffect(() => {
    if (!flash?.outcome) return;
    const timer = window.setTimeout(dismiss, FLASH_MS[beepOf(flash.outcome)]);
    return () => window.clearTimeout(timer);
  }, [flash, dismiss]);

  return { entries, flash, scan, retry, dismiss, busy: entries.some((e) => e.outcome === null) };
}
