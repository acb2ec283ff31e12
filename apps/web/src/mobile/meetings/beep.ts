export type BeepKind = 'success' | 'already' | 'rejected' | 'unrecorded';

/** [frequency Hz, seconds, waveform] notes, played one after another with a short gap. */
const TONES: Record<BeepKind, [number, number, OscillatorType][]> = {
  success: [[1320, 0.14, 'sine']],
  already: [
    [880, 0.09, 'triangle'],
    [880, 0.09, 'triangle'],
  ],
  rejected: [[200, 0.45, 'square']],
  unrecorded: [
    [440, 0.12, 'sine'],
    [330, 0.2, 'sine'],
  ],
};

let audio: AudioContext | null = null;

/** Browsers start audio only after a tap: call this from a click or key handler. */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = null;
  }
}

/** A short, distinct tone per outcome, so the volunteer need not look at the screen for every member. */
export function beep(kind: BeepKind): void {
  unlockAudio();
  if (!audio) return;
  let at = audio.currentTime + 0.01;
  for (const [frequency, seconds, type] of TONES[kind]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = type;
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + seconds + 0.02);
    at += seconds + 0.06;
  }
}
