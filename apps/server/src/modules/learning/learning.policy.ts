/**
 * 学习教育: the pure rules. No I/O; the service applies them inside its transactions and the tests drive them directly.
 *
 * Study time is counted on the server from heartbeats (PEER-LESSONS §8 item 7, DOMAIN-RULES §2.4): a heartbeat credits
 * at most the real time since the previous heartbeat of the same session, never more than the per-heartbeat cap,
 * nothing while the page is hidden or idle, nothing for a video whose position did not advance, nothing while another
 * session of the same member is being credited (two tabs), and nothing beyond the daily cap.
 */

export const CONTENT_KINDS = ['article', 'video', 'document', 'policy'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'withdrawn'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export type StudySettings = { dailyCapSeconds: number; beatCapSeconds: number };
export const DEFAULT_STUDY_SETTINGS: StudySettings = { dailyCapSeconds: 120 * 60, beatCapSeconds: 30 };

/** Another session of the member credited within this window counts as open: its twin gets nothing. */
export const OVERLAP_WINDOW_MS = 45_000;

export const REFUSALS = ['hidden', 'idle', 'no_progress', 'overlap', 'daily_cap', 'too_soon', 'bad_position'] as const;
export type Refusal = (typeof REFUSALS)[number];

export type Heartbeat = {
  now: Date;
  /** document.visibilityState === 'visible' on the page. */
  visible: boolean;
  /** Recent input, scroll or a playing video on the page. */
  active: boolean;
  /** Video: seconds into the video; other kinds: the scroll fraction 0…1. */
  position: number;
};

export type SessionState = {
  id: string;
  kind: ContentKind;
  /** The previous heartbeat of this session (accepted or not), or the session's start. */
  lastBeatAt: Date;
  lastPosition: number;
};

export type MemberDayState = {
  creditedSeconds: number;
  /** The last credit of any session of the member today, and which session had it. */
  lastCreditAt: Date | null;
  lastSessionId: string | null;
};

export type Credit = { seconds: number; refusal: Refusal | null };

/** What one heartbeat earns. */
export function creditFor(
  beat: Heartbeat,
  session: SessionState,
  day: MemberDayState,
  settings: StudySettings,
): Credit {
  const none = (refusal: Refusal): Credit => ({ seconds: 0, refusal });
  if (!Number.isFinite(beat.position) || beat.position < 0) return none('bad_position');
  if (session.kind !== 'video' && beat.position > 1) return none('bad_position');
  if (!beat.visible) return none('hidden');
  if (!beat.active) return none('idle');
  if (
    day.lastSessionId !== null &&
    day.lastSessionId !== session.id &&
    day.lastCreditAt !== null &&
    beat.now.getTime() - day.lastCreditAt.getTime() < OVERLAP_WINDOW_MS
  )
    return none('overlap');
  const elapsed = Math.floor((beat.now.getTime() - session.lastBeatAt.getTime()) / 1000);
  if (elapsed < 1) return none('too_soon');
  let seconds = Math.min(elapsed, settings.beatCapSeconds);
  if (session.kind === 'video') {
    const advanced = beat.position - session.lastPosition;
    // A paused, rewound or stalled video earns nothing; playing faster than real time earns real time only.
    if (advanced < 1) return none('no_progress');
    seconds = Math.min(seconds, Math.ceil(advanced) + 1);
  }
  const room = Math.max(0, settings.dailyCapSeconds - day.creditedSeconds);
  if (room === 0) return none('daily_cap');
  return { seconds: Math.min(seconds, room), refusal: null };
}

/** Whether a lesson is complete once this much was credited on its content. */
export const lessonComplete = (creditedSeconds: number, requiredSeconds: number) => creditedSeconds >= requiredSeconds;

// ---------------------------------------------------------------------------------------------------------------
// Review workflow

export const CONTENT_ACTIONS = ['edit', 'submit', 'approve', 'reject', 'withdraw'] as const;
export type ContentAction = (typeof CONTENT_ACTIONS)[number];

const FROM: Record<ContentAction, readonly ContentStatus[]> = {
  edit: ['draft', 'rejected', 'withdrawn'],
  submit: ['draft', 'rejected', 'withdrawn'],
  approve: ['in_review'],
  reject: ['in_review'],
  withdraw: ['published', 'in_review'],
};
const TO: Partial<Record<ContentAction, ContentStatus>> = {
  submit: 'in_review',
  approve: 'published',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

export type TransitionCheck = { ok: true; next: ContentStatus } | { ok: false; reason: 'state' | 'own_review' };

/** Whether an action applies to a content in this status by this user; the author never reviews their own content. */
export function contentTransition(
  action: ContentAction,
  c: { status: ContentStatus; authorId: string },
  userId: string,
): TransitionCheck {
  if (!FROM[action].includes(c.status)) return { ok: false, reason: 'state' };
  if ((action === 'approve' || action === 'reject') && c.authorId === userId)
    return { ok: false, reason: 'own_review' };
  return { ok: true, next: TO[action] ?? c.status };
}

// ---------------------------------------------------------------------------------------------------------------
// Files

export const LEARNING_FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  mp4: { mime: 'video/mp4', extensions: ['mp4', 'm4v'] },
  webm: { mime: 'video/webm', extensions: ['webm'] },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', extensions: ['png'] },
} as const;
export type LearningFileType = keyof typeof LEARNING_FILE_TYPES;

/** What a content kind accepts as its file, and images for article bodies. */
export const FILE_TYPES_OF: Record<ContentKind | 'image', readonly LearningFileType[]> = {
  article: [],
  video: ['mp4', 'webm'],
  document: ['pdf'],
  policy: ['pdf'],
  image: ['jpg', 'png'],
};

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The type of the bytes, recognised by their first bytes only. */
export function detectLearningFile(b: Uint8Array): LearningFileType | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0x66, 0x74, 0x79, 0x70], 4)) return 'mp4'; // ....ftyp
  if (startsWith(b, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm'; // EBML
  return null;
}

export type LearningFileCheck =
  | { ok: true; type: LearningFileType; mime: string }
  | { ok: false; reason: 'empty' | 'too_large' | 'type' | 'extension' };

export function checkLearningFile(
  bytes: Uint8Array,
  fileName: string,
  accepted: readonly LearningFileType[],
  maxBytes: number,
): LearningFileCheck {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  if (bytes.byteLength > maxBytes) return { ok: false, reason: 'too_large' };
  const type = detectLearningFile(bytes);
  if (!type || !accepted.includes(type)) return { ok: false, reason: 'type' };
  const ext = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!(LEARNING_FILE_TYPES[type].extensions as readonly string[]).includes(ext))
    return { ok: false, reason: 'extension' };
  return { ok: true, type, mime: LEARNING_FILE_TYPES[type].mime };
}

export type ByteRange = { start: number; end: number };

/**
 * An HTTP `Range: bytes=…` header against a file of `size` bytes: the one range asked for (inclusive ends), null when
 * there is no usable header (send the whole file), or 'unsatisfiable' (416). Several ranges: only the first is served.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)(?:,.*)?$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

// ---------------------------------------------------------------------------------------------------------------
// Offline study and points

/** Activity types whose attended meetings count as study (党课, 学习/讲座). */
export const OFFLINE_STUDY_TYPES = ['party_lecture', 'study'] as const;
/** Attendance statuses that count as attended. */
export const ATTENDED_STATUSES = ['present', 'late', 'made_up'] as const;
