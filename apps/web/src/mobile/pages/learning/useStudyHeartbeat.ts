import type { HeartbeatResult } from '@red-engine/shared';
import { useEffect, useRef, useState } from 'react';
import { myLearningApi, type StudySession } from './api';

/** How long after the last input, scroll or touch the page still counts as in use. */
const ACTIVE_WINDOW_MS = 60_000;

/**
 * Study time is counted on the server: this hook opens a session for the content (and lesson) and, every
 * `heartbeatSeconds`, tells the server whether the page is visible and in use (recent input, scroll or a playing
 * video) and where the reader is (video time or scroll fraction). The server decides what is credited.
 */
export function useStudyHeartbeat(
  contentId: string | undefined,
  lessonId: string | undefined,
  position: () => number,
  playing: () => boolean,
) {
  const [session, setSession] = useState<StudySession | null>(null);
  const [last, setLast] = useState<HeartbeatResult | null>(null);
  const lastInput = useRef(Date.now());
  const positionRef = useRef(position);
  const playingRef = useRef(playing);
  positionRef.current = position;
  playingRef.current = playing;

  useEffect(() => {
    const mark = () => {
      lastInput.current = Date.now();
    };
    const events = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, mark, { passive: true, capture: true });
    return () => {
      for (const e of events) window.removeEventListener(e, mark, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (!contentId) return;
    let stopped = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    myLearningApi
      .start(contentId, lessonId)
      .then((s) => {
        if (stopped) return;
        setSession(s);
        timer = setInterval(() => {
          const visible = document.visibilityState === 'visible';
          const active = playingRef.current() || Date.now() - lastInput.current < ACTIVE_WINDOW_MS;
          myLearningApi
            .beat(s.id, { visible, active, position: Math.max(0, positionRef.current()) })
            .then((r) => {
              if (!stopped) setLast(r);
            })
            .catch(() => undefined);
        }, s.heartbeatSeconds * 1000);
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
    };
  }, [contentId, lessonId]);

  return { session, last };
}
