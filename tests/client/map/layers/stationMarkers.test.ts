import { describe, expect, it } from 'vitest';
import { STATION_TYPES } from '../../../../shared/domain/station';
import { buildStationMarkers } from '../../../../client/map/layers/stationMarkers';
import { ICON_RADIUS_PX, STATION_SHAPES, stationIconId, stationIconImage } from '../../../../client/map/style/stationIcons';
import { makeStation } from '../mapFixtures';

describe('station markers', () => {
  it('carry the type’s icon, the live status and the on-duty count', () => {
    const [marker] = buildStationMarkers([makeStation({ status: 'extended', onDutyCount: 3 })]);
    expect(marker?.properties).toEqual({ id: 'ST-1', icon: 'station-red_station', status: 'extended', onDuty: 3, major: false });
  });

  it('give every station type its own shape', () => {
    const shapes = STATION_TYPES.map((type) => STATION_SHAPES[type].name);
    expect(new Set(shapes).size).toBe(STATION_TYPES.length);
    expect(shapes).not.toContain('circle');
    expect(new Set(STATION_TYPES.map(stationIconId)).size).toBe(STATION_TYPES.length);
  });
});

describe('station icons as signed distance fields', () => {
  const alphaAt = (image: ReturnType<typeof stationIconImage>, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3]!;

  it('are opaque inside the shape, 0.75 on its outline and transparent far outside', () => {
    const image = stationIconImage('red_station');
    const centre = image.width / 2;
    expect(alphaAt(image, centre, centre)).toBe(255);
    expect(alphaAt(image, 0, 0)).toBe(0);
    // The diamond's top corner is ICON_RADIUS_PX above the centre: its outline sits at 0.75 (191/255).
    expect(alphaAt(image, centre, centre - ICON_RADIUS_PX)).toBeGreaterThan(160);
    expect(alphaAt(image, centre, centre - ICON_RADIUS_PX)).toBeLessThan(225);
  });

  it('are square RGBA images with room for a halo', () => {
    for (const type of STATION_TYPES) {
      const image = stationIconImage(type);
      expect(image.width).toBe(image.height);
      expect(image.data).toHaveLength(image.width * image.height * 4);
      expect(image.width).toBeGreaterThanOrEqual(2 * ICON_RADIUS_PX + 12);
    }
  });
});
