import type { TransitionBody } from '../../shared/contract/http';
import type { Incident } from '../../shared/domain/incident';
import type { Timers } from '../realtime/Timers';
import { apiErrorFromBody, type ApiError } from '../api/apiErrorOf';
import type { AlarmAckRequest } from '../api/alarmAck';
import { retryDelayMs, verdictOf } from './retryPolicy';

/** sessionStorage key: a reload of the tab resumes what was still on its way. */
export const OUTBOX_STORAGE_KEY = 'jinlin.tablet.outbox';

/** sending: an attempt is out; waiting: no definite answer yet, another attempt is due; failed: refused. */
export type PendingState = 'sending' | 'waiting' | 'failed';

/** What a tap asks of an incident: a lifecycle step, or acknowledging its alarm. */
export type OutboxBody = TransitionBody | AlarmAckRequest;

/** One tap on an action button, kept until the server has answered it definitely. */
export interface PendingAction {
  /** The Idempotency-Key, made once for the tap and sent with every attempt of it. */
  key: string;
  incidentId: string;
  body: OutboxBody;
  /** Device clock, epoch ms. */
  createdAt: number;
  attempts: number;
  state: PendingState;
  /** Device clock of the next attempt, while waiting. */
  retryAt: number;
  /** While waiting: why the last attempt got no definite answer. Once failed: the server's refusal. */
  problem: ApiError | null;
}

/** The server's answer to one attempt; `send` rejects when there was no answer at all. */
export interface SendAnswer {
  status: number;
  body: unknown;
  retryAfterMs: number | null;
}

export interface OutboxDeps {
  send(action: PendingAction): Promise<SendAnswer>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  timers: Timers;
  now(): number;
  random(): number;
  newKey(): string;
}

export interface OutboxListeners {
  /** A new list, after every change (the old one is never mutated). */
  changed(actions: readonly PendingAction[]): void;
  /** The server did it; `incident` is its answer (the incident after the step) when readable. */
  done(action: PendingAction, incident: Incident | null): void;
}

const noAnswer = (error: unknown): ApiError => ({
  status: 0,
  code: 'no_answer',
  message: error instanceof Error ? error.message : String(error),
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const incidentOf = (body: unknown): Incident | null =>
  isRecord(body) && typeof body.id === 'string' && typeof body.status === 'string' && Array.isArray(body.timeline)
    ? (body as unknown as Incident)
    : null;

const isPendingAction = (value: unknown): value is PendingAction =>
  isRecord(value) &&
  typeof value.key === 'string' &&
  typeof value.incidentId === 'string' &&
  isRecord(value.body) &&
  typeof value.body.action === 'string' &&
  typeof value.attempts === 'number' &&
  (value.state === 'sending' || value.state === 'waiting' || value.state === 'failed');

/** What a previous page left; an attempt it had out may or may not have arrived, so it goes again. */
const loadPending = (storage: OutboxDeps['storage']): PendingAction[] => {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(OUTBOX_STORAGE_KEY) ?? '[]');
    if (!Array.isArray(saved)) return [];
    return saved.filter(isPendingAction).map((a) => (a.state === 'sending' ? { ...a, state: 'waiting', retryAt: 0 } : a));
  } catch {
    return [];
  }
};

/**
 * The tablet's outgoing actions. Each is sent with its own Idempotency-Key until the server
 * answers definitely: done (the key makes a retry of an action that did arrive a harmless replay)
 * or refused (kept, with the server's message, until the leader has read it). Nothing leaves the
 * list silently, and the list lives in sessionStorage so a reload picks up where it stopped.
 */
export class Outbox {
  #actions: PendingAction[];
  #busy = false;
  #closed = false;
  #cancelWait: () => void = () => undefined;

  constructor(
    private readonly deps: OutboxDeps,
    private readonly listeners: OutboxListeners,
  ) {
    this.#actions = loadPending(deps.storage);
  }

  get actions(): readonly PendingAction[] {
    return this.#actions;
  }

  /** Reports what a previous page left and starts sending it. */
  start(): void {
    this.listeners.changed(this.#actions);
    this.#pump();
  }

  submit(incidentId: string, body: OutboxBody): PendingAction {
    const action: PendingAction = {
      key: this.deps.newKey(),
      incidentId,
      body,
      createdAt: this.deps.now(),
      attempts: 0,
      state: 'waiting',
      retryAt: 0,
      problem: null,
    };
    this.#update([...this.#actions, action]);
    this.#pump();
    return action;
  }

  /** The network is back: what waits out a back-off goes now. */
  retryNow(): void {
    if (!this.#actions.some((a) => a.state === 'waiting' && a.retryAt > 0)) return;
    this.#update(this.#actions.map((a) => (a.state === 'waiting' ? { ...a, retryAt: 0 } : a)));
    this.#pump();
  }

  /** The leader has read a refusal. Only refusals go: an action still on its way may yet happen. */
  dismiss(key: string): void {
    this.#update(this.#actions.filter((a) => a.key !== key || a.state !== 'failed'));
  }

  /** Stops sending; the list stays in storage for the next page. */
  close(): void {
    this.#closed = true;
    this.#cancelWait();
  }

  #pump(): void {
    if (this.#closed || this.#busy) return;
    this.#cancelWait();
    // One at a time, oldest first: two taps on one incident (accept, then dispatch) must arrive in order.
    const next = this.#actions.find((a) => a.state !== 'failed');
    if (!next) return;
    const waitMs = next.retryAt - this.deps.now();
    if (waitMs > 0) {
      this.#cancelWait = this.deps.timers.after(waitMs, () => this.#pump());
      return;
    }
    void this.#attempt(next);
  }

  async #attempt(action: PendingAction): Promise<void> {
    this.#busy = true;
    const sending: PendingAction = { ...action, state: 'sending', attempts: action.attempts + 1 };
    this.#replace(sending);
    let answer: SendAnswer | null = null;
    let failure: unknown = null;
    try {
      answer = await this.deps.send(sending);
    } catch (error) {
      failure = error;
    }
    this.#busy = false;
    if (this.#closed) return;
    this.#settle(sending, answer, failure);
    this.#pump();
  }

  #settle(action: PendingAction, answer: SendAnswer | null, failure: unknown): void {
    const verdict = answer ? verdictOf(answer.status) : 'retry';
    if (answer && verdict === 'done') {
      this.listeners.done(action, incidentOf(answer.body));
      this.#update(this.#actions.filter((a) => a.key !== action.key));
    } else if (answer && verdict === 'failed') {
      this.#replace({ ...action, state: 'failed', problem: apiErrorFromBody(answer.status, answer.body) });
    } else {
      const problem = answer ? apiErrorFromBody(answer.status, answer.body) : noAnswer(failure);
      const delayMs = retryDelayMs(action.attempts, this.deps.random, answer?.retryAfterMs ?? null);
      this.#replace({ ...action, state: 'waiting', retryAt: this.deps.now() + delayMs, problem });
    }
  }

  #replace(action: PendingAction): void {
    this.#update(this.#actions.map((a) => (a.key === action.key ? action : a)));
  }

  #update(actions: PendingAction[]): void {
    this.#actions = actions;
    try {
      this.deps.storage?.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(actions));
    } catch (error) {
      console.warn('pending actions could not be saved for a reload', error);
    }
    this.listeners.changed(actions);
  }
}
