import type { TourState } from '../../shared/contract/demo';

export interface TourProgress {
  /** Milliseconds until the next stop (0 when due); null unless the tour is playing. */
  remainingMs: number | null;
  /** Share of the stop already shown, 0…1; null unless playing. */
  elapsedShare: number | null;
  durationMs: number | null;
}

const NOT_PLAYING: TourProgress = { remainingMs: null, elapsedShare: null, durationMs: null };

/** How far the stop on screen has run, at server time `nowMs` (the tour's times are the server's real clock). */
export const tourProgress = (tour: TourState | null, nowMs: number): TourProgress => {
  if (!tour || tour.mode !== 'playing' || tour.endsAt === null) return NOT_PLAYING;
  const durationMs = Math.max(0, tour.endsAt - tour.stopStartedAt);
  const remainingMs = Math.min(durationMs, Math.max(0, tour.endsAt - nowMs));
  return { remainingMs, elapsedShare: durationMs === 0 ? 1 : 1 - remainingMs / durationMs, durationMs };
};

/** A countdown as the presenter reads it: "0:07", "2:30". */
export const countdownText = (ms: number): string => {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
