export const USAGE = `Usage: npm run seed -- --contacts M [--accounts N] [--db <file>] [--seed S]

  --contacts M   sample contacts to add (default 0)
  --accounts N   sample accounts to add (default: contacts / 10, rounded up)
  --db <file>    SQLite file to fill (default: the app's database from crm.config.json / the data folder)
  --seed S       random seed; the same seed gives the same data (default 1)`;

export interface SeedArgs {
  accounts: number;
  contacts: number;
  db: string | null;
  seed: number;
  help: boolean;
}

export class ArgError extends Error {
  override name = 'ArgError';
}

const MAX_ROWS = 100_000_000;

function count(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) > max) {
    throw new ArgError(`${flag} takes a whole number from 0 to ${max.toLocaleString('en')}, not "${text}".`);
  }
  return Number(text);
}

/** Reads `--flag value` and `--flag=value`; anything else is refused with a message that says why. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const seen = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const match = /^--(accounts|contacts|db|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new ArgError(`Unknown argument "${arg}".`);
    const flag = match[1]!;
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new ArgError(`--${flag} needs a value.`);
    if (seen.has(flag)) throw new ArgError(`--${flag} is given twice.`);
    seen.set(flag, value);
  }
  const contacts = seen.has('contacts') ? count('--contacts', seen.get('contacts')!, MAX_ROWS) : 0;
  const accounts = seen.has('accounts') ? count('--accounts', seen.get('accounts')!, MAX_ROWS) : Math.ceil(contacts / 10);
  const seed = seen.has('seed') ? count('--seed', seen.get('seed')!, 0xffffffff) : 1;
  if (!help && accounts === 0 && contacts === 0) throw new ArgError('Nothing to do: give --contacts and/or --accounts.');
  return { accounts, contacts, db: seen.get('db') ?? null, seed, help };
}
