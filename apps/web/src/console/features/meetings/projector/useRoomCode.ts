import type { RoomCode } from '@red-engine/shared';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../lib/http';
import { meetingApi } from '../api';

export interface RoomCodeState {
  code: RoomCode | null;
  /** When the code stops being valid, on this browser's clock (server clock corrected by the measured skew). */
  dueAt: number | null;
  /** server time − local time, in ms. */
  skewMs: number;
  error: ApiError | Error | null;
}

const RETRY_MS = 3_000;
/** Ask a little after validUntil so the server has certainly moved on to the next code. */
const AFTER_DUE_MS = 150;

/**
 * The projector's rotating code: fetched again exactly when `validUntil` passes. The server's clock is
 * the reference: `serverTime` taken at the middle of the request's round trip gives the skew.
 */
export function useRoomCode(meetingId: string, enabled: boolean): RoomCodeState {
  const [state, setState] = useState<RoomCodeState>({ code: null, dueAt: null, skewMs: 0, error: null });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const schedule = (ms: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(load, Math.max(0, ms));
    };
    async function load() {
      const sentAt = Date.now();
      try {
        const code = await meetingApi.roomCode(meetingId);
        if (!alive) return;
        const receivedAt = Date.now();
        const skewMs = Date.parse(code.serverTime) - (sentAt + receivedAt) / 2;
        const dueAt = Date.parse(code.validUntil) - skewMs;
        setState({ code, dueAt, skewMs, error: null });
        schedule(dueAt - Date.now() + AFTER_DUE_MS);
      } catch (e) {
        if (!alive) return;
        setState((s) => ({ ...s, code: null, dueAt: null, error: e instanceof Error ? e : new Error(String(e)) }));
        schedule(RETRY_MS);
      }
    }
    // A screen that slept (laptop lid, background tab) catches up as soon as it is visible again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') schedule(0);
    };
    document.addEventListener('visibilitychange', onVisible);
    load();
    return () => {
      alive = false;
      clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [meetingId, enabled]);

  return state;
}

/** Seconds left until `dueAt`, ticking several times a second for a smooth countdown. */
export function useSecondsLeft(dueAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (dueAt === null) return;
    const id = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(id);
  }, [dueAt]);
  return dueAt === null ? 0 : Math.max(0, (dueAt - now) / 1000);
}
