import type { Wish } from '../../shared/domain/wish';
import type { Rng } from '../../shared/logic/rng';
import { HOUR_MS } from '../../shared/logic/shanghaiTime';
import type { Command } from '../ingest/Command';
import { simulatorArrivals } from './simulatorArrivals';
import { pickGrid } from './simulatorCounty';
import { simulatorName, simulatorPerson } from './simulatorPerson';
import { hourWeight, simulatorRates } from './simulatorRates';
import { simulatorTexts } from './simulatorTexts';
import { dueInWindow, remember, simulatorId, type PlannedCommand, type SimulatorWindow } from './simulatorWindow';

/**
 * 居民点单 → 党员接单 → done: a member takes a wish within the day (one to ten hours) and
 * fulfils it within about a day (three to thirty hours), keyed on the wish and its status.
 */
const nextWishStep = (wish: Wish, root: Rng): { dueAt: number; command: Command } | null => {
  const rng = root.fork(`wish:${wish.id}#${wish.status}`);
  switch (wish.status) {
    case 'posted':
      return {
        dueAt: wish.postedAt + rng.float(1, 10) * HOUR_MS,
        command: { kind: 'claimWish', id: wish.id, body: { claimerName: simulatorName(rng) } },
      };
    case 'claimed':
      return {
        dueAt: (wish.claimedAt ?? wish.postedAt) + rng.float(3, 30) * HOUR_MS,
        command: { kind: 'fulfilWish', id: wish.id, body: {} },
      };
    case 'fulfilled':
      return null;
  }
};

const perDayAt = (window: SimulatorWindow) => {
  const perDay = simulatorRates.wishesPerGridDay * window.county.grids.length * window.rate;
  return (at: number) => perDay * hourWeight(simulatorRates.wishProfile, at);
};

/** Claims and fulfilments falling due in the window, then newly posted wishes. */
export const simulatorWishes = (window: SimulatorWindow): PlannedCommand[] => {
  const commands: PlannedCommand[] = [];
  for (const wish of window.entities.wishes.values()) {
    const step = wish.status === 'fulfilled' ? null : remember(window, wish, () => nextWishStep(wish, window.rng));
    const at = step ? dueInWindow(step.dueAt, window) : null;
    if (step && at !== null) commands.push({ at, command: step.command });
  }
  const rng = window.rng.fork(`wishes:${window.from}`);
  simulatorArrivals(rng, window.from, window.to, perDayAt(window)).forEach((at, index) => {
    const grid = pickGrid(window.county, rng);
    const resident = simulatorPerson(rng);
    const { title, description } = rng.pick(simulatorTexts.wishes);
    const body = { id: simulatorId('WISH', window, at, index), title, description, regionCode: grid.code };
    commands.push({ at, command: { kind: 'postWish', body: { ...body, residentName: resident.name, residentPhone: resident.phone } } });
  });
  return commands;
};
