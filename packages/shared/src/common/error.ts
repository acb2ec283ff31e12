import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'MFA_REQUIRED',
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'INVALID_MFA_CODE',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'WEAK_PASSWORD',
  'ORG_CHILD_TYPE_NOT_ALLOWED',
  'ORG_CODE_TAKEN',
  'USERNAME_TAKEN',
  'ORG_MOVE_INTO_SUBTREE',
  'ORG_HAS_ACTIVE_CHILDREN',
  'ORG_HAS_ACTIVE_MEMBERS',
  'ORG_DISSOLVED',
  'ORG_NO_ELECTIONS',
  'UNIT_LIMIT_EXCEEDED',
  'UNIT_IN_USE',
  'CREDIT_CODE_TAKEN',
  'MEMBER_ID_NUMBER_TAKEN',
  'TRANSFER_NOT_PENDING',
  'TRANSFER_ALREADY_APPROVED',
  'TRANSFER_IN_PROGRESS',
  'TRANSFER_NO_LETTER',
  'TRANSFER_RECEIPT_RECORDED',
  'COMMUNITY_REPORT_EXISTS',
  'COMMUNITY_NEED_NOT_OPEN',
  'COMMUNITY_CLAIM_STATE',
  'COMMUNITY_SIDE_ONLY',
  'RECRUITMENT_GATE_WARNING',
  'RECRUITMENT_CLOSED',
  'RECRUITMENT_NOT_ALLOWED',
  'RECRUITMENT_IN_PROGRESS',
  'VENUE_CONFLICT',
  'MEETING_NOT_EDITABLE',
  'LEAVE_STATE',
  'CHECKIN_REJECTED',
  'CHECKIN_ALREADY',
  'STAFF_TOKEN_INVALID',
  'EVALUATION_STATE',
  'EVALUATION_QUOTA',
  'BALLOT_ALREADY_CAST',
  'BALLOT_NOT_ELIGIBLE',
  'RATING_STATE',
  'RATING_QUOTA_EXCEEDED',
  'RATING_REVIEWER_EXCLUDED',
  'COMPETITION_STATE',
  'COMPETITION_ANSWER_LATE',
  'EXAM_STATE',
  'EXAM_TIME_UP',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldIssueSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. "body.name"'),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
