import { cpuSecondsOf } from './childServers';
import { nowMs } from './nowMs';
import { round } from './stats';

export interface CpuUse {
  /** CPU cores the server child used on average (1 = one core busy all the time). */
  serverCores: number;
  /** The same for this process: the load generator and, in fan-out, every client's decoding. */
  benchCores: number;
  /** Wall time the averages cover, and the CPU seconds behind them. */
  seconds: number;
  serverCpuS: number;
  benchCpuS: number;
}

/** Starts measuring CPU of a child server and of this process; call the result to read the averages. */
export const startCpuMeter = (serverPid: number): (() => CpuUse) => {
  const startMs = nowMs();
  const serverStart = cpuSecondsOf(serverPid);
  const benchStart = process.cpuUsage();
  return () => {
    const elapsedS = (nowMs() - startMs) / 1000;
    const bench = process.cpuUsage(benchStart);
    const serverCpuS = cpuSecondsOf(serverPid) - serverStart;
    const benchCpuS = (bench.user + bench.system) / 1e6;
    return {
      serverCores: round(serverCpuS / elapsedS, 2),
      benchCores: round(benchCpuS / elapsedS, 2),
      seconds: round(elapsedS),
      serverCpuS: round(serverCpuS),
      benchCpuS: round(benchCpuS),
    };
  };
};
