import type { HeatmapLayerSpecification } from 'maplibre-gl';
import type { CheckIn } from '../../../shared/domain/volunteer';
import { shanghaiDayStart } from '../../../shared/logic/shanghaiTime';
import type { LiveFeature } from '../binding/diffFeatures';
import type { LiveLayer } from '../binding/liveLayer';
import { VOLUNTEER_HEAT_RAMP } from '../style/palette';
import { heatmapPaint } from '../style/heatmapPaint';
import { pointFeature } from '../binding/pointFeature';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/** The live source this layer fills (created empty by the offline style, from the registry). */
export const VOLUNTEER_HEAT_SOURCE = 'volunteer-heat';

// Where party members and volunteers are serving: those on duty now, plus today's finished check-ins
// more faintly, so the picture builds up over the day and resets at local midnight.

export const ON_DUTY_WEIGHT = 1;
export const CHECKED_OUT_TODAY_WEIGHT = 0.35;

const MINUTE_MS = 60_000;

export const buildVolunteerHeat = (checkins: Iterable<CheckIn>, now: number): LiveFeature[] => {
  const dayStart = shanghaiDayStart(now);
  const features: LiveFeature[] = [];
  for (const checkin of checkins) {
    const onDuty = checkin.checkedOutAt === undefined;
    if (!onDuty && (checkin.checkedOutAt ?? 0) < dayStart) continue;
    const w = onDuty ? ON_DUTY_WEIGHT : CHECKED_OUT_TODAY_WEIGHT;
    features.push(pointFeature(checkin.location, { id: checkin.id, w }));
  }
  return features;
};

export const volunteerHeatLayer: HeatmapLayerSpecification = {
  id: 'volunteer-heat',
  type: 'heatmap',
  source: VOLUNTEER_HEAT_SOURCE,
  maxzoom: 16,
  // Under the incident heat and fainter: service is the background, trouble the foreground.
  paint: heatmapPaint(VOLUNTEER_HEAT_RAMP, { intensity: [8, 0.8, 14, 1.6], radius: [8, 14, 11, 22, 15, 40], opacity: [12, 0.6, 16, 0] }),
};

export const createVolunteerHeat = (): LiveLayer => ({
  name: 'volunteerHeat',
  layerIds: [volunteerHeatLayer.id],
  visible: (input) => input.visibility.volunteerHeat,
  dependencies: (input) => [input.entities, input.version, Math.floor(input.now / MINUTE_MS)],
  apply: (target, input) =>
    target.setFeatures(VOLUNTEER_HEAT_SOURCE, buildVolunteerHeat(input.entities.checkins.values(), input.now)),
});

export const volunteerHeat = {
  id: 'volunteerHeat',
  toggle: { id: 'volunteerHeat', defaultVisible: true, legend: 'volunteerHeat', swatch: VOLUNTEER_HEAT_RAMP },
  styleLayers: { heat: [volunteerHeatLayer] },
  sources: { volunteerHeat: VOLUNTEER_HEAT_SOURCE },
  create: createVolunteerHeat,
} satisfies MapLayerDescriptor;
