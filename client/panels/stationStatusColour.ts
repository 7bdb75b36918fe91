import type { StationStatus } from '../../shared/domain/station';
import { STATION_STATUS_COLOURS } from '../map/style/palette';

/**
 * The colour the 阵地运行 panel gives a station status: the map's own (map/style/palette.ts), so
 * the panel, the station markers and the legend explain one another. Plain constants, no map code.
 */
export const stationStatusColour = (status: StationStatus): string => STATION_STATUS_COLOURS[status];
