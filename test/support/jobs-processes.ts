import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface RunnerProcess {
  child: ChildProcess;
  /** Job ids this process reported done, in order. */
  ran: number[];
  stderr: string[];
  ready: Promise<void>;
  /** Resolves with the exit code (null when killed) once the process has ended. */
  exited: Promise<number | null>;
  go(): void;
}

/** Starts test/support/jobs-child.ts on `database` (see there). */
export function startRunnerProcess(database: string, mode: 'record' | 'mail' | 'campaign', runnerId: string, leaseMs: number): RunnerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, 'jobs-child.ts'), database, mode, runnerId, String(leaseMs)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ran: number[] = [];
  const stderr: string[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line === 'ready') markReady();
      const m = /^ran (\d+)$/.exec(line);
      if (m) ran.push(Number(m[1]));
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, ran, stderr, ready, exited, go: () => child.stdin!.write('go\n') };
}
