import { Worker } from 'node:worker_threads';
import { workerScript } from '../../../workers/worker-script';
import { CrmError } from '../../../../../shared/errors';
import type { Progress } from '../engine/plan-moves';
import type { AssignmentJob, AssignmentJobs, AssignmentOp, FromWorker, ToWorker, WorkerData } from './assignment-job';

export interface WorkerConfig {
  database: string;
  nativeBinding: string | null;
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
  progress: Progress;
}

/** How often an idle worker checks whether it is still wanted. */
const CHECK_MS = 2_000;
/** An idle worker stops after this long; a preview left open longer is planned again on apply. */
const IDLE_MS = 10 * 60_000;

/**
 * One long-lived assignment worker per database connection, started on the
 * first job and reused. Jobs queue in the worker and run one at a time; a
 * crash fails the jobs in flight and the next job starts a new worker. It
 * never keeps the process alive, and stops once idle for long or once
 * `alive()` says its owner (the host's DataSource) has closed.
 */
export class AssignmentWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lastUsed = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: WorkerConfig,
    private readonly alive: () => boolean = () => true,
  ) {}

  run<K extends AssignmentOp>(job: Extract<AssignmentJob, { op: K }>, progress: Progress = () => undefined): Promise<AssignmentJobs[K]['result']> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    this.lastUsed = Date.now();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject, progress });
      worker.ref();
      worker.postMessage({ id, job } satisfies ToWorker);
    });
  }

  /** Stops the worker; jobs in flight fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopped(worker, new Error('The assignment worker was closed.'));
    await worker.terminate();
  }

  private start(): Worker {
    const script = workerScript(__dirname, 'assignment-worker');
    const data: WorkerData = { database: this.config.database, nativeBinding: this.config.nativeBinding };
    const worker = new Worker(script.source, { workerData: data, eval: script.eval });
    worker.on('message', (message: FromWorker) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') return job.progress(message.label, message.done, message.total);
      this.pending.delete(message.id);
      this.lastUsed = Date.now();
      if (this.pending.size === 0) worker.unref();
      if (message.type === 'done') job.resolve(message.result);
      else job.reject(CrmError.fromShape(message.error));
    });
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`The assignment worker stopped (exit code ${code}) before it finished.`)));
    worker.unref();
    this.worker = worker;
    this.timer = setInterval(() => {
      if (this.pending.size === 0 && (!this.alive() || Date.now() - this.lastUsed > IDLE_MS)) void this.close();
    }, CHECK_MS);
    this.timer.unref();
    return worker;
  }

  private stopped(worker: Worker, error: unknown): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
