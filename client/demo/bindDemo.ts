import type { LiveConnection } from '../realtime/LiveConnection';
import type { DemoStore } from './useDemoStore';

/** Feeds the demo store from the connection's `demo` frames; returns the function that stops it. */
export const bindDemo = (connection: Pick<LiveConnection, 'onDemo'>, demo: Pick<DemoStore, 'accept'>): (() => void) =>
  connection.onDemo((state) => demo.accept(state));
