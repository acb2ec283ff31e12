/** Local practice, kept as data: when failed logins start slowing down and when they lock the account. */
export const LOGIN_POLICY = {
  freeAttempts: 4,
  lockAfter: 10,
  lockMinutes: 15,
  maxDelaySeconds: 60,
} as const;

export type LoginPolicy = { readonly [K in keyof typeof LOGIN_POLICY]: number };

export type LoginGate =
  | { kind: 'allowed' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'locked'; minutesLeft: number };

/** Decides whether a login attempt may proceed, from the failure history alone. */
export function loginGate(
  state: { failedLoginCount: number; lastFailedLoginAt: Date | null; lockedUntil: Date | null },
  now: Date,
  policy: LoginPolicy = LOGIN_POLICY,
): LoginGate {
  if (state.lockedUntil && state.lockedUntil > now) {
    return {
      kind: 'locked',
      minutesLeft: Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000)),
    };
  }
  const excess = state.failedLoginCount - policy.freeAttempts;
  if (excess > 0 && state.lastFailedLoginAt && state.failedLoginCount < policy.lockAfter) {
    const delay = Math.min(policy.maxDelaySeconds, 2 ** (excess - 1));
    const waitMs = state.lastFailedLoginAt.getTime() + delay * 1000 - now.getTime();
    if (waitMs > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }
  return { kind: 'allowed' };
}

/** The state after one more failure: the count grows and the account locks at the threshold. */
export function afterFailure(failedLoginCount: number, now: Date, policy: LoginPolicy = LOGIN_POLICY) {
  const count = failedLoginCount + 1;
  const lockedUntil = count >= policy.lockAfter ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  // After a lock expires the count restarts below the threshold, so one more failure does not relock at once.
  return { failedLoginCount: lockedUntil ? 0 : count, lastFailedLoginAt: now, lockedUntil };
}
