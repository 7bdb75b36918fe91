import type { Socket } from 'socket.io';
import { MAX_ALARM_NOTICES, type AlarmFrame, type AlarmNotice } from '../../shared/contract/alarms';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/socket';
import type { Incident } from '../../shared/domain/incident';
import { canRead } from '../../shared/logic/access';
import { alarmNoticeOf } from '../../shared/logic/alarms/alarmNoticeOf';
import { alarmKey, type Alarm } from '../../shared/logic/alarms/alarmOf';
import { groupAlarms } from '../../shared/logic/alarms/groupAlarms';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import { entityRefOf } from '../../shared/logic/entityRef';
import { isInScope } from '../../shared/logic/scope';
import type { Audience } from '../../shared/logic/shapeForAudience';
import type { Clock } from '../clock';
import type { CountyIndex } from '../county/CountyIndex';
import type { ScenarioControl } from '../demo/DemoControls';
import type { AppliedEvent, LiveState } from '../live/LiveState';
import type { Realtime, SocketData } from '../realtime/Realtime';
import { AlarmIndex } from './AlarmIndex';

type FeedSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface AlarmFeedOptions {
  io: Realtime['io'];
  live: LiveState;
  county: CountyIndex;
  clock: Clock;
  policy: AlarmPolicy;
}

const ROOM_PREFIX = 'alarms:';
/** Frames of one room at most this often (the flush after a commit waits for it; ticks are 1 s apart). */
const FRAME_INTERVAL_MS = 500;
/** One room per token scope and audience: every socket in it gets the very same frame. */
export const alarmRoomOf = (scope: string, audience: Audience): string => `${ROOM_PREFIX}${scope}:${audience}`;

const parseRoom = (room: string): { scope: string; audience: Audience } | null => {
  const [prefix, scope, audience] = room.split(':');
  return `${prefix}:` === ROOM_PREFIX && scope && (audience === 'public' || audience === 'full') ? { scope, audience } : null;
};

/** What makes two frames different to a screen; the computation time alone does not. */
const signatureOf = (frame: AlarmFrame): string =>
  `${frame.epoch}|${frame.total}|${frame.alarms.map((n) => `${alarmKey(n)}/${n.status}/${n.priority}/${n.group}/${n.count}`).join(',')}`;

/**
 * The county-wide alarm feed: every socket gets the complete list of active alarms inside its
 * TOKEN's scope — not the region it shows, which a tour or a drill-down narrows — on connect and
 * whenever that list changes. Recomputed after each commit that touches an incident and when the
 * next deadline passes (overdue comes with time), otherwise a tick costs nothing.
 */
export class AlarmFeed {
  private readonly index: AlarmIndex;
  /** The log epoch the index was built from: another one means live state was reset under it. */
  private indexEpoch: string | null = null;
  private dirty = true;
  private nextChangeAt = Number.NEGATIVE_INFINITY;
  private alarms: Alarm[] = [];
  private computedAt = 0;
  private unsent = true;
  private readonly sent = new Map<string, string>();
  private readonly notices: Record<Audience, WeakMap<Incident, { key: string; notice: AlarmNotice }>> = {
    public: new WeakMap(),
    full: new WeakMap(),
  };
  private held: () => boolean = () => false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFlushAt = 0;
  private unsubscribeHold: () => void = () => undefined;

  constructor(private readonly options: AlarmFeedOptions) {
    this.index = new AlarmIndex(options.policy);
    options.io.on('connection', (socket) => this.onConnection(socket));
  }

  /**
   * While a reset to morning rewrites the log, nothing goes out: the replayed morning's alarms
   * are not news. When it is over, every screen gets the new list under the new epoch.
   */
  holdWhile(control: Pick<ScenarioControl, 'resetting' | 'onChange'>): void {
    this.unsubscribeHold();
    this.held = () => control.resetting();
    this.unsubscribeHold = control.onChange(() => this.flush());
  }

  /** A committed batch, already applied to live state. */
  committed({ applied }: { applied: readonly AppliedEvent[] }): void {
    const incidents = this.options.live.entities.incidents;
    for (const { event } of applied) {
      const ref = entityRefOf(event);
      if (ref.collection !== 'incidents') continue;
      this.index.update(ref.id, incidents.get(ref.id));
      this.dirty = true;
    }
    if (this.dirty) this.flushSoon();
  }

  /**
   * At most one round of frames per FRAME_INTERVAL_MS, like KPI frames: at hundreds of commits a
   * second, a list per commit per room would cost every screen far more than the news is worth.
   */
  private flushSoon(): void {
    if (this.flushTimer) return;
    const waitMs = Math.max(0, this.lastFlushAt + FRAME_INTERVAL_MS - Date.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, waitMs);
  }

  /** Time passing (the app's one-second tick): sends only if a deadline passed. */
  tick(): void {
    this.flush();
  }

  /** The active alarms now, newest first (for tests and health checks). */
  current(): readonly Alarm[] {
    this.refresh(this.options.clock.now());
    return this.alarms;
  }

  close(): void {
    this.unsubscribeHold();
    if (this.flushTimer) clearTimeout(this.flushTimer);
  }

  private flush(): void {
    if (this.held()) return;
    this.lastFlushAt = Date.now();
    this.refresh(this.options.clock.now());
    if (this.unsent) this.emitAll();
  }

  private refresh(now: number): void {
    const { live } = this.options;
    if (this.indexEpoch !== live.epoch) {
      this.index.rebuild(live.entities.incidents.values());
      this.indexEpoch = live.epoch;
      this.dirty = true;
    }
    // A clock moved backwards (a reset) would leave nextChangeAt in the future for too long.
    if (!this.dirty && now < this.nextChangeAt && now >= this.computedAt) return;
    this.alarms = this.index.alarms(now);
    this.nextChangeAt = this.index.nextChangeAfter(now);
    this.computedAt = now;
    this.dirty = false;
    this.unsent = true;
  }

  /**
   * Repeats are grouped within the token's scope, so every screen of a room counts the same groups;
   * each notice names its group's lead and size (newest first, a lead always precedes its repeats).
   */
  private frameFor(scope: string, audience: Audience): AlarmFrame {
    const inScope = this.alarms.filter((alarm) => {
      const incident = this.index.get(alarm.incidentId);
      return incident !== undefined && isInScope(incident.regionPath, scope);
    });
    const groupOf = new Map<Alarm, { lead: Alarm; count: number }>();
    for (const { lead, members } of groupAlarms(inScope, (id) => this.index.get(id))) {
      for (const member of members) groupOf.set(member, { lead, count: members.length });
    }
    const notices: AlarmNotice[] = [];
    for (const alarm of inScope.slice(0, MAX_ALARM_NOTICES)) {
      const group = groupOf.get(alarm) as { lead: Alarm; count: number };
      const notice = this.noticeOf(alarm, this.index.get(alarm.incidentId) as Incident, audience);
      const lead = group.lead === alarm ? notice.incidentId : this.noticeOf(group.lead, this.index.get(group.lead.incidentId) as Incident, audience).incidentId;
      notices.push(group.count === 1 && lead === notice.incidentId ? notice : { ...notice, group: lead, count: group.count });
    }
    return { alarms: notices, total: inScope.length, epoch: this.indexEpoch ?? '', at: this.computedAt };
  }

  /** Incidents are replaced, never changed in place, so a notice is rebuilt only when its incident or alarm is new. */
  private noticeOf(alarm: Alarm, incident: Incident, audience: Audience): AlarmNotice {
    const cache = this.notices[audience];
    const key = alarmKey(alarm);
    const cached = cache.get(incident);
    if (cached?.key === key) return cached.notice;
    const notice = alarmNoticeOf(alarm, incident, audience, (code) => this.options.county.get(code)?.name ?? '');
    cache.set(incident, { key, notice });
    return notice;
  }

  /** One frame per watched room whose list differs from the last one it was sent. */
  private emitAll(): void {
    this.unsent = false;
    const { io } = this.options;
    const rooms = io.sockets.adapter.rooms;
    for (const [room, members] of rooms) {
      const parsed = members.size > 0 ? parseRoom(room) : null;
      if (!parsed) continue;
      const frame = this.frameFor(parsed.scope, parsed.audience);
      const signature = signatureOf(frame);
      if (this.sent.get(room) === signature) continue;
      this.sent.set(room, signature);
      io.local.to(room).emit('alarms', frame);
    }
    for (const room of this.sent.keys()) if (!rooms.get(room)?.size) this.sent.delete(room);
  }

  private onConnection(socket: FeedSocket): void {
    const { principal, audience } = socket.data;
    if (!principal || !canRead(principal)) return;
    const room = alarmRoomOf(principal.scope, audience);
    // A screen that connects mid-reset gets the list with everyone else when the reset is over.
    if (!this.held()) {
      this.refresh(this.options.clock.now());
      // The room first, without this socket, so it gets its list exactly once.
      if (this.unsent) this.emitAll();
      const frame = this.frameFor(principal.scope, audience);
      socket.emit('alarms', frame);
      // Its room's first member: the room now holds what this socket was sent.
      if (!this.options.io.sockets.adapter.rooms.get(room)?.size) this.sent.set(room, signatureOf(frame));
    }
    void socket.join(room);
  }
}
