import type { ErrorCode } from '@red-engine/shared';
import { type LocalizedText, MESSAGES } from './messages.js';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  MFA_REQUIRED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  INVALID_MFA_CODE: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  WEAK_PASSWORD: 400,
  ORG_CHILD_TYPE_NOT_ALLOWED: 400,
  ORG_CODE_TAKEN: 409,
  USERNAME_TAKEN: 409,
  ORG_MOVE_INTO_SUBTREE: 400,
  ORG_HAS_ACTIVE_CHILDREN: 409,
  ORG_HAS_ACTIVE_MEMBERS: 409,
  ORG_DISSOLVED: 409,
  ORG_NO_ELECTIONS: 409,
  UNIT_LIMIT_EXCEEDED: 400,
  UNIT_IN_USE: 409,
  CREDIT_CODE_TAKEN: 409,
  MEMBER_ID_NUMBER_TAKEN: 409,
  TRANSFER_NOT_PENDING: 409,
  TRANSFER_ALREADY_APPROVED: 409,
  TRANSFER_IN_PROGRESS: 409,
  TRANSFER_NO_LETTER: 409,
  TRANSFER_RECEIPT_RECORDED: 409,
  COMMUNITY_REPORT_EXISTS: 409,
  COMMUNITY_NEED_NOT_OPEN: 409,
  COMMUNITY_CLAIM_STATE: 409,
  COMMUNITY_SIDE_ONLY: 409,
  RECRUITMENT_GATE_WARNING: 409,
  RECRUITMENT_CLOSED: 409,
  RECRUITMENT_NOT_ALLOWED: 409,
  RECRUITMENT_IN_PROGRESS: 409,
  VENUE_CONFLICT: 409,
  MEETING_NOT_EDITABLE: 409,
  LEAVE_STATE: 409,
  CHECKIN_REJECTED: 422,
  CHECKIN_ALREADY: 409,
  STAFF_TOKEN_INVALID: 401,
  EVALUATION_STATE: 409,
  EVALUATION_QUOTA: 409,
  BALLOT_ALREADY_CAST: 409,
  BALLOT_NOT_ELIGIBLE: 422,
  RATING_STATE: 409,
  RATING_QUOTA_EXCEEDED: 409,
  RATING_REVIEWER_EXCLUDED: 409,
  COMPETITION_STATE: 409,
  COMPETITION_ANSWER_LATE: 409,
  EXAM_STATE: 409,
  EXAM_TIME_UP: 409,
  INTERNAL: 500,
} as const satisfies Record<ErrorCode, number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    text: LocalizedText,
    opts: { details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(text['en-US']);
    this.code = code;
    this.text = text;
    this.details = opts.details;
    this.headers = opts.headers ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = () => new AppError('NOT_FOUND', MESSAGES.notFound);
export const forbidden = () => new AppError('FORBIDDEN', MESSAGES.forbidden);

/** A field-level validation error raised by a service, shaped like the schema validator's. */
export function fieldError(path: string, text: LocalizedText): AppError {
  return new AppError('VALIDATION_FAILED', MESSAGES.validationFailed, { details: [{ path, text }] });
}
