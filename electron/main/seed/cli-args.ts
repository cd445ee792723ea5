export const USAGE = `Usage: npm run seed -- --contacts M [--accounts N] [--opportunities O] [--leads L] [--activities A]
                      [--db <file>] [--seed S] [--now <ISO time>]

  --contacts M       sample contacts to add (default 0)
  --accounts N       sample accounts to add (default: contacts / 10, rounded up)
  --opportunities O  opportunities with their stage history, over the accounts (default 0)
  --leads L          leads (default 0)
  --activities A     tasks, calls, meetings and notes on contacts, leads and opportunities (default 0)
  --db <file>    SQLite file to fill (default: the app's database from crm.config.json / the data folder)
  --seed S       random seed; the same seed (and --now) gives the same data (default 1)
  --now <time>   records are dated in the three years before this UTC time (default: now)`;

export interface SeedArgs {
  accounts: number;
  contacts: number;
  opportunities: number;
  leads: number;
  activities: number;
  db: string | null;
  seed: number;
  /** Null: the time of seeding. */
  now: Date | null;
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
    const match = /^--(accounts|contacts|opportunities|leads|activities|db|seed|now)(?:=(.*))?$/.exec(arg);
    if (!match) throw new ArgError(`Unknown argument "${arg}".`);
    const flag = match[1]!;
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new ArgError(`--${flag} needs a value.`);
    if (seen.has(flag)) throw new ArgError(`--${flag} is given twice.`);
    seen.set(flag, value);
  }
  const contacts = seen.has('contacts') ? count('--contacts', seen.get('contacts')!, MAX_ROWS) : 0;
  const accounts = seen.has('accounts') ? count('--accounts', seen.get('accounts')!, MAX_ROWS) : Math.ceil(contacts / 10);
  const sales = (flag: 'opportunities' | 'leads' | 'activities') => (seen.has(flag) ? count(`--${flag}`, seen.get(flag)!, MAX_ROWS) : 0);
  const opportunities = sales('opportunities');
  const leads = sales('leads');
  const activities = sales('activities');
  const seed = seen.has('seed') ? count('--seed', seen.get('seed')!, 0xffffffff) : 1;
  let now: Date | null = null;
  if (seen.has('now')) {
    const text = seen.get('now')!;
    now = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z)?$/.test(text) ? new Date(text) : new Date(Number.NaN);
    if (Number.isNaN(now.getTime()) || now.getTime() < Date.UTC(1990, 0, 1)) {
      throw new ArgError(`--now takes a UTC date or time such as 2026-11-22 or 2026-11-22T13:00:00Z, not "${text}".`);
    }
  }
  if (!help && accounts + contacts + opportunities + leads + activities === 0) {
    throw new ArgError('Nothing to do: give --contacts, --accounts, --opportunities, --leads or --activities.');
  }
  return { accounts, contacts, opportunities, leads, activities, db: seen.get('db') ?? null, seed, now, help };
}
