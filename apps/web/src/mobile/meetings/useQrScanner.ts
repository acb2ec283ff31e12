import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export type CameraState =
  | { status: 'off' }
  | { status: 'starting' }
  | { status: 'on' }
  | { status: 'error'; error: 'denied' | 'missing' | 'insecure' | 'failed'; message?: string };

const FRAME_MS = 200; // ~5 frames a second: quick enough at a door, light on a phone's battery
const MAX_WIDTH = 640; // decode a scaled frame; QR codes on a phone screen are large

/**
 * The rear camera into `video`, frames decoded with jsQR (loaded on first use). `onCode` gets every decoded text;
 * while `paused` (a result is on screen) frames are skipped.
 */
export function useQrScanner(
  video: RefObject<HTMLVideoElement | null>,
  onCode: (text: string) => void,
  paused: boolean,
): { state: CameraState; start: () => Promise<void>; stop: () => void } {
  const [state, setState] = useState<CameraState>({ status: 'off' });
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | null>(null);
  const onCodeRef = useRef(onCode);
  const pausedRef = useRef(paused);
  onCodeRef.current = onCode;
  pausedRef.current = paused;

  const stop = useCallback(() => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setState({ status: 'off' });
  }, [video]);

  const start = useCallback(async () => {
    if (stream.current) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ status: 'error', error: window.isSecureContext ? 'missing' : 'insecure' });
      return;
    }
    setState({ status: 'starting' });
    try {
      const [media, { default: jsQR }] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
        import('jsqr'),
      ]);
      stream.current = media;
      const el = video.current;
      if (!el) throw new Error('no video element');
      el.srcObject = media;
      el.setAttribute('playsinline', 'true');
      await el.play();
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      timer.current = window.setInterval(() => {
        if (pausedRef.current || !ctx || el.readyState < el.HAVE_CURRENT_DATA || !el.videoWidth) return;
        const scale = Math.min(1, MAX_WIDTH / el.videoWidth);
        canvas.width = Math.round(el.videoWidth * scale);
        canvas.height = Math.round(el.videoHeight * scale);
        ctx.drawImage(el, 0, 0, canvas.width, canvas.height);
        const frame = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        if (found?.data) onCodeRef.current(found.data);
      }, FRAME_MS);
      setState({ status: 'on' });
    } catch (e) {
      for (const track of stream.current?.getTracks() ?? []) track.stop();
      stream.current = null;
      const name = e instanceof DOMException ? e.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') setState({ status: 'error', error: 'denied' });
      else if (name === 'NotFoundError' || name === 'OverconstrainedError')
        setState({ status: 'error', error: 'missing' });
      else setState({ status: 'error', error: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  }, [video]);

  useEffect(() => stop, [stop]);
  return { state, start, stop };
}
