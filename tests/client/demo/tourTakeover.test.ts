import { describe, expect, it } from 'vitest';
import { mayTakeOverTour, tourHintOf } from '../../../client/demo/tourTakeover';

describe('taking a wall over from the guided tour', () => {
  it('is for officials and the presenter, not for a display kiosk or an anonymous wall', () => {
    expect(['admin', 'operator', 'street', 'presenter'].every((role) => mayTakeOverTour(role as 'admin'))).toBe(true);
    expect(mayTakeOverTour('display')).toBe(false);
    expect(mayTakeOverTour('ingest')).toBe(false);
    expect(mayTakeOverTour(null)).toBe(false);
  });

  it('is offered while a stop owns the wall, and says to use the remote where the token may not', () => {
    const owned = { tourRunning: true, showingStop: true, takenOver: false };
    expect(tourHintOf({ ...owned, mayTakeOver: true })).toBe('owned');
    expect(tourHintOf({ ...owned, mayTakeOver: false })).toBe('presenterOnly');
  });

  it('says how to rejoin once taken over, and says nothing without a running tour or on a wall that does not follow it', () => {
    expect(tourHintOf({ tourRunning: true, showingStop: false, takenOver: true, mayTakeOver: true })).toBe('takenOver');
    expect(tourHintOf({ tourRunning: false, showingStop: false, takenOver: false, mayTakeOver: true })).toBeNull();
    expect(tourHintOf({ tourRunning: true, showingStop: false, takenOver: false, mayTakeOver: true })).toBeNull();
  });
});
