/**
 * 阵地预约日历: pure rules of the venue booking calendar. Times are half-open spans [startsAt, endsAt): a meeting
 * ending at 10:00 and one starting at 10:00 do not clash, as in the server's overlap check.
 */

export interface BookingSpan {
  id: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

const ms = (iso: string) => Date.parse(iso);

/**
 * Ids of the bookings that overlap another one. The server refuses new double bookings, but data from before the
 * check (or imported) may still hold them, and the calendar marks them in red.
 */
export function overlappingIds(spans: readonly BookingSpan[]): Set<string> {
  const sorted = spans
    .map((s) => ({ id: s.id, start: ms(s.startsAt), end: ms(s.endsAt) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const out = new Set<string>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < a.end; j++) {
      out.add(a.id);
      out.add(sorted[j]!.id);
    }
  }
  return out;
}

export interface Lane {
  /** 0-based column of the block. */
  lane: number;
  /** Columns of the cluster of overlapping blocks it belongs to: the block is 1/lanes wide. */
  lanes: number;
}

/**
 * Side-by-side columns for the blocks of one day in the week view: overlapping blocks never share a column, and
 * every block of a cluster (blocks linked by overlaps) is as wide as the cluster's column count allows.
 */
export function layoutLanes(spans: readonly BookingSpan[]): Map<string, Lane> {
  const sorted = spans
    .map((s) => ({ id: s.id, start: ms(s.startsAt), end: Math.max(ms(s.endsAt), ms(s.startsAt)) }))
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  const out = new Map<string, Lane>();
  let cluster: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const close = () => {
    for (const c of cluster) out.set(c.id, { lane: c.lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
  };
  for (const s of sorted) {
    if (s.start >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(s.end);
    } else laneEnds[lane] = s.end;
    cluster.push({ id: s.id, lane });
    clusterEnd = Math.max(clusterEnd, s.end);
  }
  close();
  return out;
}
