import type {
  BallotReceipt,
  CastBallotBody,
  EvaluationAttachment,
  MyEvaluation,
  MyEvaluationDetail,
} from '@red-engine/shared';
import { api } from '../../lib/http';

export const MY_EVALUATIONS_KEY = ['me', 'evaluations'] as const;

export const myEvaluationApi = {
  list: () => api.get<MyEvaluation[]>('/me/evaluations'),
  get: (id: string) => api.get<MyEvaluationDetail>(`/me/evaluations/${id}`),
  cast: (id: string, body: CastBallotBody) => api.post<BallotReceipt>(`/me/evaluations/${id}/ballot`, body),
  selfAssess: (id: string, selfAssessment: string) =>
    api.put<MyEvaluationDetail>(`/me/evaluations/${id}/self-assessment`, { selfAssessment }),
  report: (id: string, report: string) => api.put<MyEvaluationDetail>(`/me/evaluations/${id}/report`, { report }),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<EvaluationAttachment>(`/me/evaluations/${id}/report-attachments`, form);
  },
};

/** A v4 UUID from getRandomValues (randomUUID is missing on plain-HTTP intranet pages). */
function uuid(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const KEY_PREFIX = 're.ballot.key.';

/**
 * The ballot key of this campaign in this tab: a retry after a lost answer (or a reload) sends the same key, so the
 * server answers with the first cast instead of counting it twice or refusing it.
 */
export function ballotKeyFor(campaignId: string): string {
  try {
    const stored = sessionStorage.getItem(KEY_PREFIX + campaignId);
    if (stored) return stored;
    const key = uuid();
    sessionStorage.setItem(KEY_PREFIX + campaignId, key);
    return key;
  } catch {
    return uuid();
  }
}
