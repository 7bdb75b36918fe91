import type { Role } from '../../shared/logic/access';

/**
 * Who may take a wall away from the guided tour: someone signed in as an official (an operator, a
 * street leader, an admin) or the presenter. A display token is a kiosk nobody at it is accountable
 * for, and an anonymous wall no one at all: there the tour stays, and only the presenter's remote
 * pauses it (the server's demo commands are for presenters and admins alone, DemoHub canPresent).
 */
const MAY_TAKE_OVER: ReadonlySet<Role> = new Set<Role>(['admin', 'operator', 'street', 'presenter']);

export const mayTakeOverTour = (role: Role | null): boolean => role !== null && MAY_TAKE_OVER.has(role);

/** What the tour hint says: the tour owns the wall (and whether a click may pause it here), or this wall has left it. */
export type TourHintKey = 'owned' | 'presenterOnly' | 'takenOver';

export const tourHintOf = (state: { tourRunning: boolean; showingStop: boolean; takenOver: boolean; mayTakeOver: boolean }): TourHintKey | null => {
  if (!state.tourRunning) return null;
  if (state.takenOver) return 'takenOver';
  if (!state.showingStop) return null;
  return state.mayTakeOver ? 'owned' : 'presenterOnly';
};
