import type {
  CheckInBody,
  CheckOutBody,
  ReportIncidentBody,
  StationStatusBody,
  TransitionBody,
  WishBody,
  WishClaimBody,
  WishFulfilBody,
} from '../../shared/contract/http';
import type { AlarmAckRole } from '../../shared/domain/event';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import type { EntityCollection } from '../../shared/logic/entityRef';
import { acknowledgeAlarm } from './commands/acknowledgeAlarm';
import { checkIn, checkOut } from './commands/checkins';
import { reportIncident } from './commands/reportIncident';
import { setStationStatus } from './commands/setStationStatus';
import { transitionIncident } from './commands/transitionIncident';
import { postWish, transitionWish } from './commands/wishes';
import type { Decision, DecisionView } from './Decision';

/** Every write the system accepts, from HTTP, the simulator, or an adapter: the one path in. */
export type Command =
  | { kind: 'reportIncident'; body: ReportIncidentBody }
  | { kind: 'transitionIncident'; id: string; body: TransitionBody }
  /** The policy in force is part of the command: whether there is an alarm to stop depends on it. */
  | { kind: 'acknowledgeAlarm'; id: string; by: AlarmAckRole; policy: AlarmPolicy }
  | { kind: 'setStationStatus'; id: string; body: StationStatusBody }
  | { kind: 'checkIn'; body: CheckInBody }
  | { kind: 'checkOut'; id: string; body: CheckOutBody }
  | { kind: 'postWish'; body: WishBody }
  | { kind: 'claimWish'; id: string; body: WishClaimBody }
  | { kind: 'fulfilWish'; id: string; body: WishFulfilBody };

export const decide = (command: Command, view: DecisionView): Decision => {
  switch (command.kind) {
    case 'reportIncident':
      return reportIncident(command.body, view);
    case 'transitionIncident':
      return transitionIncident(command.id, command.body, view);
    case 'acknowledgeAlarm':
      return acknowledgeAlarm(command.id, command.by, command.policy, view);
    case 'setStationStatus':
      return setStationStatus(command.id, command.body, view);
    case 'checkIn':
      return checkIn(command.body, view);
    case 'checkOut':
      return checkOut(command.id, command.body, view);
    case 'postWish':
      return postWish(command.body, view);
    case 'claimWish':
      return transitionWish(command.id, { action: 'claim', ...command.body }, view);
    case 'fulfilWish':
      return transitionWish(command.id, { action: 'fulfil', ...command.body }, view);
  }
};

/** The collection whose entity a command's success answers with (what its response is shaped as). */
export const collectionOf = (command: Command): EntityCollection => {
  switch (command.kind) {
    case 'reportIncident':
    case 'transitionIncident':
    case 'acknowledgeAlarm':
      return 'incidents';
    case 'setStationStatus':
      return 'stations';
    case 'checkIn':
    case 'checkOut':
      return 'checkins';
    case 'postWish':
    case 'claimWish':
    case 'fulfilWish':
      return 'wishes';
  }
};
