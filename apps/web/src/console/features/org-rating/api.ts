import type {
  AdjustStarsBody,
  AnswerRatingObjectionBody,
  CreateRatingCampaignBody,
  CreateRatingSchemeBody,
  FinalizeRatingCampaignResult,
  OrgRatingDetail,
  OrgStarHistory,
  Page,
  PublishBody,
  RatingBoard,
  RatingCampaign,
  RatingEvidence,
  RatingScheme,
  RatingScoreInput,
  ReviewerCandidate,
  UpdateRatingSchemeBody,
} from '@red-engine/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, type QueryParams } from '../../../lib/http';

export const ratingKeys = {
  all: ['org-rating'] as const,
  schemes: () => [...ratingKeys.all, 'schemes'] as const,
  campaigns: (q: QueryParams) => [...ratingKeys.all, 'campaigns', q] as const,
  board: (id: string, q: QueryParams) => [...ratingKeys.all, 'board', id, q] as const,
  rating: (id: string) => [...ratingKeys.all, 'rating', id] as const,
  candidates: (id: string) => [...ratingKeys.all, 'candidates', id] as const,
  history: (orgId: string) => [...ratingKeys.all, 'history', orgId] as const,
};

const R = '/org-ratings';

export const ratingApi = {
  schemes: () => api.get<RatingScheme[]>('/rating-schemes'),
  createScheme: (body: CreateRatingSchemeBody) => api.post<RatingScheme>('/rating-schemes', body),
  updateScheme: (id: string, body: UpdateRatingSchemeBody) => api.patch<RatingScheme>(`/rating-schemes/${id}`, body),
  campaigns: (q: QueryParams) => api.get<Page<RatingCampaign>>('/rating-campaigns', q),
  createCampaign: (body: CreateRatingCampaignBody) => api.post<RatingCampaign>('/rating-campaigns', body),
  board: (id: string, q: QueryParams) => api.get<RatingBoard>(`/rating-campaigns/${id}`, q),
  finalizeCampaign: (id: string) => api.post<FinalizeRatingCampaignResult>(`/rating-campaigns/${id}/finalize`),
  exportUrl: (id: string, q?: QueryParams) => apiUrl(`/rating-campaigns/${id}/export`, q),
  rating: (id: string) => api.get<OrgRatingDetail>(`${R}/${id}`),
  history: (orgId: string) => api.get<OrgStarHistory>(`/orgs/${orgId}/star-history`),
  candidates: (id: string) => api.get<ReviewerCandidate[]>(`${R}/${id}/reviewer-candidates`),
  evidenceUrl: (fileId: string) => apiUrl(`/rating-evidence/${fileId}`),
  uploadEvidence: (id: string, indicatorId: string | null, file: File) => {
    const form = new FormData();
    if (indicatorId) form.append('indicatorId', indicatorId);
    form.append('file', file);
    return api.upload<RatingEvidence>(`${R}/${id}/evidence`, form);
  },
};

/** Every rating action answers with the rating afresh; boards and lists follow. */
function useRatingMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: ratingKeys.all }),
    meta: { silent: true },
  });
}

export const useSchemes = () => useQuery({ queryKey: ratingKeys.schemes(), queryFn: ratingApi.schemes });
export const useCampaigns = (q: QueryParams = {}) =>
  useQuery({ queryKey: ratingKeys.campaigns(q), queryFn: () => ratingApi.campaigns({ pageSize: 200, ...q }) });
export const useBoard = (id: string | undefined, q: QueryParams) =>
  useQuery({
    queryKey: ratingKeys.board(id ?? '', q),
    queryFn: () => ratingApi.board(id!, q),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
export const useRating = (id: string) =>
  useQuery({ queryKey: ratingKeys.rating(id), queryFn: () => ratingApi.rating(id), meta: { silent: true } });
export const useStarHistory = (orgId: string | undefined) =>
  useQuery({
    queryKey: ratingKeys.history(orgId ?? ''),
    queryFn: () => ratingApi.history(orgId!),
    enabled: Boolean(orgId),
  });
export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ratingKeys.candidates(id), queryFn: () => ratingApi.candidates(id), enabled });

export const useCreateCampaign = () =>
  useRatingMutation((body: CreateRatingCampaignBody) => ratingApi.createCampaign(body));
export const useFinalizeCampaign = () => useRatingMutation((id: string) => ratingApi.finalizeCampaign(id));
export const useCreateScheme = () => useRatingMutation((body: CreateRatingSchemeBody) => ratingApi.createScheme(body));
export const useUpdateScheme = () =>
  useRatingMutation(({ id, body }: { id: string; body: UpdateRatingSchemeBody }) => ratingApi.updateScheme(id, body));

type Scores = { scores: RatingScoreInput[] };

/** The actions on one rating, each a POST/PUT answering with the rating. */
export function useRatingActions(id: string) {
  const post =
    <B>(path: string) =>
    (body: B) =>
      api.post<OrgRatingDetail>(`${R}/${id}${path}`, body);
  return {
    saveSelf: useRatingMutation((body: Scores & { hasInnovation?: boolean; innovationNote?: string | null }) =>
      api.put<OrgRatingDetail>(`${R}/${id}/self-assessment`, body),
    ),
    submit: useRatingMutation(post<object>('/submit')),
    recompute: useRatingMutation(post<object>('/recompute')),
    saveReview: useRatingMutation((body: Scores & { comment?: string | null }) =>
      api.put<OrgRatingDetail>(`${R}/${id}/review`, body),
    ),
    submitReview: useRatingMutation(post<Scores & { comment?: string | null }>('/review/submit')),
    assign: useRatingMutation(post<{ userId: string }>('/reviewers')),
    unassign: useRatingMutation(post<{ userId: string }>('/reviewers/remove')),
    returnToSelf: useRatingMutation(post<{ reason: string }>('/return')),
    veto: useRatingMutation(post<{ ruleId: string; reason: string }>('/vetoes')),
    clearVeto: useRatingMutation(post<{ vetoId: string; reason: string }>('/vetoes/clear')),
    publish: useRatingMutation(post<PublishBody>('/publish')),
    object: useRatingMutation(post<{ text: string }>('/objections')),
    answer: useRatingMutation(post<AnswerRatingObjectionBody>('/objections/answer')),
    reopen: useRatingMutation(post<{ reason: string }>('/reopen')),
    finalize: useRatingMutation(post<object>('/finalize')),
    adjust: useRatingMutation(post<AdjustStarsBody>('/adjust')),
    upload: useRatingMutation(({ indicatorId, file }: { indicatorId: string | null; file: File }) =>
      ratingApi.uploadEvidence(id, indicatorId, file),
    ),
    removeEvidence: useRatingMutation(({ fileId, reason }: { fileId: string; reason: string }) =>
      api.post<RatingEvidence>(`/rating-evidence/${fileId}/remove`, { reason }),
    ),
  };
}
