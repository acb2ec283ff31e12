import type { CheckinResult } from '@red-engine/shared';
import { isApiError } from '../../lib/http';
import type { Translate } from '../../lib/i18n';
import { isUnrecorded, type RejectionDetails, rejectionOf } from './api';

/** What one check-in attempt came to, as the person at the phone must see it. */
export type CheckinOutcome =
  | { kind: 'success'; result: CheckinResult }
  | { kind: 'already'; details: RejectionDetails; message: string }
  | { kind: 'rejected'; details: RejectionDetails | null; message: string }
  | { kind: 'unrecorded'; message: string };

export function outcomeOfError(e: unknown): CheckinOutcome {
  if (isUnrecorded(e)) return { kind: 'unrecorded', message: e instanceof Error ? e.message : String(e) };
  const details = rejectionOf(e);
  const message = isApiError(e) ? e.message : String(e);
  if (details?.reason === 'already_checked_in') return { kind: 'already', details, message };
  return { kind: 'rejected', details, message };
}

/** Reasons whose server message says what happened but not what to do next. */
const NEEDS_HINT = new Set<string>(['other_meeting', 'outside_window']);

/**
 * What to do about a rejection, when the server's message (always shown) does not already say it; the server's
 * texts for expired codes, fences and positions carry their own advice.
 */
export function rejectionHint(t: Translate, details: RejectionDetails | null): string | null {
  if (!details) return t('mm.hint.other');
  return NEEDS_HINT.has(details.reason) ? t(`mm.hint.${details.reason as 'other_meeting' | 'outside_window'}`) : null;
}

/** 32 hex characters; getRandomValues works on plain-HTTP intranet pages too, where randomUUID does not. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const NONCE_PREFIX = 're.checkin.nonce.';

/** The nonce for this code in this tab: a reload or retry repeats the same attempt, so it cannot count twice. */
export function nonceForCode(code: string): string {
  const key = NONCE_PREFIX + code;
  try {
    const stored = sessionStorage.getItem(key);
    if (stored) return stored;
    const fresh = newNonce();
    sessionStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return newNonce();
  }
}

export type PositionError = 'denied' | 'unavailable' | 'timeout' | 'unsupported';
export type Fix = { latitude: number; longitude: number; accuracy?: number };

/** One high-accuracy fix, or why there is none (the server turns the reason into its message). */
export function currentPosition(timeoutMs = 8000): Promise<{ position: Fix } | { positionError: PositionError }> {
  if (typeof navigator === 'undefined' || !navigator.geolocation || !window.isSecureContext)
    return Promise.resolve({ positionError: 'unsupported' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          position: {
            latitude: p.coords.latitude,
            longitude: p.coords.longitude,
            accuracy: Math.min(Math.max(p.coords.accuracy, 0), 100_000),
          },
        }),
      (err) =>
        resolve({
          positionError:
            err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 0 },
    );
  });
}
