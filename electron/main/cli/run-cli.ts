import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../../shared/contract';
import { loadDeploymentConfig, looksLikeNetworkPath } from '../config/deployment-config';
import { backupTo } from '../db/backup';
import { openDatabase } from '../db/open-database';
import { openHost } from '../host/host';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage: npm run crm -- [--db <file>] <command>

Commands:
  db status              where the database is, its migrations and record counts
  db migrate             back up the file, then apply pending migrations
  db backup <file>       write a consistent copy of the live database to <file>
  methods                every contract method with its input as JSON Schema
  call <method> '<json>' run one method through dispatch and print the JSON result`;

class UsageError extends Error {}

function takeDbOption(argv: string[]): { db: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let db: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--db') {
      db = argv[++i];
      if (!db) throw new UsageError('--db needs a file path');
    } else if (arg.startsWith('--db=')) db = arg.slice(5);
    else rest.push(arg);
  }
  return { db: db ? resolve(db) : undefined, rest };
}

async function dbStatus(database: string, io: CliIo): Promise<number> {
  const { dataSource, status } = await openDatabase({ database, migrate: false });
  try {
    const count = async (table: string) =>
      ((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number }[])[0]!.n;
    const counts = status.applied.length
      ? { users: await count('users'), accounts: await count('accounts'), contacts: await count('contacts') }
      : null;
    io.out(
      JSON.stringify(
        { database, sizeBytes: statSync(database).size, migrations: status, counts, networkPathWarning: looksLikeNetworkPath(database) || undefined },
        null,
        2,
      ),
    );
    if (looksLikeNetworkPath(database)) io.err('Warning: SQLite on a network share is not safe for several users; an office should use a PostgreSQL server.');
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

async function dbMigrate(database: string, io: CliIo): Promise<number> {
  const { dataSource, status, backupPath } = await openDatabase({ database, migrate: true });
  await dataSource.destroy();
  if (backupPath) io.out(`Backup written to ${backupPath}`);
  io.out(`Migrations applied: ${status.applied.length}; pending: ${status.pending.length}`);
  return 0;
}

async function dbBackup(database: string, target: string | undefined, io: CliIo): Promise<number> {
  if (!target) throw new UsageError('db backup needs a target file');
  const { dataSource } = await openDatabase({ database, migrate: false });
  try {
    const written = await backupTo(dataSource, resolve(target));
    io.out(`Backup written to ${written} (${statSync(written).size} bytes)`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function methods(io: CliIo): number {
  const list = METHOD_NAMES.map((name) => ({
    method: name,
    summary: contract[name].summary,
    writes: contract[name].writes,
    input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }),
  }));
  io.out(JSON.stringify(list, null, 2));
  return 0;
}

async function callMethod(database: string, method: string | undefined, json: string | undefined, io: CliIo): Promise<number> {
  if (!method) throw new UsageError('call needs a method name; see `methods`');
  let input: unknown;
  try {
    input = json === undefined ? undefined : JSON.parse(json);
  } catch (error) {
    io.err(`The input is not valid JSON: ${(error as Error).message}`);
    return 2;
  }
  const host = await openHost({ database, log: (m, e) => io.err(`${m}: ${String(e)}`), background: false });
  try {
    const result = await host.dispatch(method, input, host.session);
    if (result.ok) {
      io.out(JSON.stringify(result.data, null, 2));
      return 0;
    }
    io.err(JSON.stringify(result.error, null, 2));
    return 1;
  } finally {
    await host.close();
  }
}

/** The admin CLI as a function: testable in-process, and `index.ts` only wires it to the terminal. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { db, rest } = takeDbOption(argv);
    const [command, sub, ...args] = rest;
    const database = () => db ?? loadDeploymentConfig(io.env).databasePath;
    if (command === 'db' && sub === 'status') return await dbStatus(database(), io);
    if (command === 'db' && sub === 'migrate') return await dbMigrate(database(), io);
    if (command === 'db' && sub === 'backup') return await dbBackup(database(), args[0], io);
    if (command === 'methods') return methods(io);
    if (command === 'call') return await callMethod(database(), sub, args[0], io);
    if (command === undefined || command === 'help' || command === '--help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`Unknown command: ${rest.join(' ')}`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
