import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startRunnerProcess, type RunnerProcess } from '../support/jobs-processes';
import { tempHost, type TestHost } from '../support/temp-host';

/**
 * Two app instances on one SQLite file: two processes, each with its own
 * connection and runner, drain the same queue. Claims are exclusive, so every
 * job runs once; a process killed mid-job loses only its lease, and the other
 * takes that job over once the lease has run out.
 */

const JOBS = 240;
let children: RunnerProcess[] = [];

afterEach(() => {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
  children = [];
});

async function queueOnAFile(ms: (n: number) => number): Promise<TestHost> {
  const host = await tempHost();
  await host.services.jobs.runner?.stop();
  // Registered here only so enqueue can check payloads; the children run them.
  host.services.jobs.registry.register('test.record', { payload: z.object({ n: z.number().int(), ms: z.number().int() }).strict(), run: async () => undefined });
  await host.dataSource.query(`CREATE TABLE test_runs (id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL, runner TEXT NOT NULL)`);
  await host.dataSource.query(`CREATE TABLE test_effects (id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL, runner TEXT NOT NULL)`);
  await host.dataSource.transaction(async (em) => {
    for (let n = 1; n <= JOBS; n++) {
      await host.services.jobs.store.enqueue(em, { kind: 'test.record', payload: { n, ms: ms(n) }, runAt: '2020-01-01T00:00:00.000Z' });
    }
  });
  return host;
}

const perJob = async (host: TestHost, table: string) =>
  (await host.dataSource.query(`SELECT job_id, COUNT(*) AS n, group_concat(runner) AS runners FROM ${table} GROUP BY job_id ORDER BY job_id`)) as {
    job_id: number;
    n: number;
    runners: string;
  }[];

describe('two app instances on one database', () => {
  it('drain one queue together: every job runs exactly once, none twice', async () => {
    const host = await queueOnAFile(() => 2);
    try {
      children = [startRunnerProcess(host.file, 'record', 'desk-A', 30_000), startRunnerProcess(host.file, 'record', 'desk-B', 30_000)];
      await Promise.all(children.map((c) => c.ready));
      for (const c of children) c.go();
      const codes = await Promise.all(children.map((c) => c.exited));
      expect(codes, children.flatMap((c) => c.stderr).join('\n')).toEqual([0, 0]);

      const runs = await perJob(host, 'test_runs');
      expect(runs).toHaveLength(JOBS);
      expect(runs.filter((r) => r.n !== 1)).toEqual([]);
      const effects = await perJob(host, 'test_effects');
      expect(effects.map((e) => [e.job_id, e.n])).toEqual(Array.from({ length: JOBS }, (_, i) => [i + 1, 1]));
      // Both really worked: the claims interleaved.
      const [a, b] = children as [RunnerProcess, RunnerProcess];
      expect(a.ran.length).toBeGreaterThan(JOBS / 10);
      expect(b.ran.length).toBeGreaterThan(JOBS / 10);
      expect(a.ran.length + b.ran.length).toBe(JOBS);
      expect(new Set([...a.ran, ...b.ran]).size).toBe(JOBS);
      expect(await host.dataSource.query(`SELECT status, attempts, COUNT(*) AS n FROM jobs GROUP BY status, attempts`)).toEqual([{ status: 'done', attempts: 1, n: JOBS }]);
    } finally {
      await host.close();
    }
  });

  it('one of them killed mid-job: the other takes its job over once the lease runs out; every effect happens exactly once', async () => {
    const host = await queueOnAFile((n) => (n % 10 === 0 ? 150 : 5));
    try {
      const a = startRunnerProcess(host.file, 'record', 'desk-A', 1_000);
      const b = startRunnerProcess(host.file, 'record', 'desk-B', 1_000);
      children = [a, b];
      await Promise.all([a.ready, b.ready]);
      a.go();
      b.go();
      // Kill A while it is inside one of the slow jobs (its run recorded, its effect not yet).
      const victim = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(async () => {
          if (a.ran.length < 10) return;
          const rows = (await host.dataSource.query(
            `SELECT j.id FROM jobs j JOIN test_runs r ON r.job_id = j.id WHERE j.status = 'running' AND j.lease_owner = 'desk-A' AND json_extract(j.payload, '$.ms') = 150 AND NOT EXISTS (SELECT 1 FROM test_effects e WHERE e.job_id = j.id)`,
          )) as { id: number }[];
          if (!rows.length) return;
          clearInterval(timer);
          a.child.kill('SIGKILL');
          resolve(rows[0]!.id);
        }, 5);
        setTimeout(() => {
          clearInterval(timer);
          reject(new Error('desk-A never was inside a job'));
        }, 20_000);
      });
      expect(await a.exited).toBeNull();
      expect(await b.exited, b.stderr.join('\n')).toBe(0);

      const effects = await perJob(host, 'test_effects');
      expect(effects.map((e) => [e.job_id, e.n])).toEqual(Array.from({ length: JOBS }, (_, i) => [i + 1, 1]));
      expect(effects.find((e) => e.job_id === victim)!.runners).toBe('desk-B');
      const runs = await perJob(host, 'test_runs');
      expect(runs.filter((r) => r.n !== 1)).toEqual([{ job_id: victim, n: 2, runners: 'desk-A,desk-B' }]);
      expect(await host.dataSource.query(`SELECT status, COUNT(*) AS n FROM jobs GROUP BY status`)).toEqual([{ status: 'done', n: JOBS }]);
      const [taken] = (await host.dataSource.query(`SELECT attempts, last_error FROM jobs WHERE id = ?`, [victim])) as { attempts: number; last_error: string }[];
      expect(taken!.attempts).toBe(2);
      expect(taken!.last_error).toMatch(/^Its runner \(desk-A\) stopped before finishing/);
    } finally {
      await host.close();
    }
  });
});
