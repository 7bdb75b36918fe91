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

/** The region path of the existing entity a command acts on (undefined for creations or unknown ids). */
export const targetOf = (command: Command, view: DecisionView): string[] | undefined => {
  switch (command.kind) {
    case 'transitionIncident':
    case 'acknowledgeAlarm':
      return view.incident(command.id)?.regionPath;
    case 'setStationStatus':
      return view.station(command.id)?.regionPath;
    case 'checkOut':
      return view.checkin(command.id)?.regionPath;
    case 'claimWish':
    case 'fulfilWish':
      return view.wish(command.id)?.regionPath;
    default:
      return undefined;
  }
};
