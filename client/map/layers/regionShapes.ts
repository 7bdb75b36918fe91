import { communityFill, communityLabel, communityLine } from '../style/regionShapes/communities';
import { compoundFill, compoundLabel, compoundLine } from '../style/regionShapes/compounds';
import { contextFill, contextLabel, contextLine } from '../style/regionShapes/contextDistricts';
import { gridFill, gridLabel, gridLine } from '../style/regionShapes/grids';
import { streetFill, streetLabel, streetLine } from '../style/regionShapes/streets';
import type { MapLayerDescriptor } from './MapLayerDescriptor';

/**
 * The county's own polygons at every level, drawn from the region sources (no live data). One layer,
 * because its three bands stack the levels differently:
 * - fills go finer upwards (a compound sits on its community);
 * - outlines go the other way (a street line stays visible over the grid lines inside it);
 * - labels come coarser on top, since MapLibre places the top layer first.
 */
export const regionShapes = {
  id: 'regionShapes',
  styleLayers: {
    fill: [contextFill, streetFill, communityFill, compoundFill, gridFill],
    outline: [contextLine, gridLine, compoundLine, communityLine, streetLine],
    label: [gridLabel, compoundLabel, communityLabel, contextLabel, streetLabel],
  },
  sources: {},
} satisfies MapLayerDescriptor;
