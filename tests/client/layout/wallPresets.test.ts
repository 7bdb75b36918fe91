import { describe, expect, it } from 'vitest';
import { WALL_PRESETS } from '../../../client/layout/wallPresets';
import { PANEL_IDS } from '../../../client/panels/panelIds';
import { WALL_LAYOUTS } from '../../../client/layout/wallLayouts';

describe('WALL_PRESETS', () => {
  it.each(WALL_LAYOUTS)('places every panel exactly once on a %s wall', (layout) => {
    const placed = WALL_PRESETS[layout].columns.flatMap((column) => column.slots.flatMap((slot) => slot.ids));
    expect([...placed].sort()).toEqual([...PANEL_IDS].sort());
  });

  it.each(WALL_LAYOUTS)('gives side-by-side panels one width each on a %s wall', (layout) => {
    for (const slot of WALL_PRESETS[layout].columns.flatMap((column) => column.slots)) {
      if (slot.widths) expect(slot.widths).toHaveLength(slot.ids.length);
    }
  });

  it.each(WALL_LAYOUTS)('uses each grid area once on a %s wall', (layout) => {
    const areas = WALL_PRESETS[layout].columns.map((column) => column.area);
    expect(new Set(areas).size).toBe(areas.length);
  });
});
