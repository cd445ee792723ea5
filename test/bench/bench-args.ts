export const BENCH_SECTIONS = ['grid', 'sales', 'startup', 'quotes', 'territories', 'import', 'duplicates', 'segments', 'jobs', 'campaigns', 'renderer'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export const BENCH_USAGE = `Usage: npm run bench -- [--contacts N] [--accounts N] [--opportunities N] [--leads N] [--activities N] [--db <file>] [--runs R] [--only a,b]

  --contacts N       contacts in the benchmark database (default 100000)
  --accounts N       accounts (default contacts / 10)
  --opportunities N  opportunities with stage history (default contacts / 5)
  --leads N          leads (default contacts / 5)
  --activities N     activities (default contacts × 2)
  --db <file>    reuse this file when it holds exactly these counts; create and seed it when it does not exist
  --runs R       timed runs per case (default 200)
  --only a,b     measure only these sections: ${BENCH_SECTIONS.join(', ')}`;

export interface BenchArgs {
  contacts: number;
  accounts: number;
  opportunities: number;
  leads: number;
  activities: number;
  db: string | null;
  runs: number;
  only: ReadonlySet<BenchSection>;
}

export class BenchArgError extends Error {
  override name = 'BenchArgError';
}

function whole(flag: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > 100_000_000) {
    throw new BenchArgError(`${flag} takes a whole number from ${min} to 100,000,000, not "${text}".`);
  }
  return Number(text);
}

function sections(text: string): Set<BenchSection> {
  const names = text.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(BENCH_SECTIONS as readonly string[]).includes(n));
  if (unknown.length) throw new BenchArgError(`--only takes sections from ${BENCH_SECTIONS.join(', ')}; not ${unknown.map((u) => `"${u}"`).join(', ')}.`);
  return new Set(names as BenchSection[]);
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const seen = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(contacts|accounts|opportunities|leads|activities|db|runs|only)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) throw new BenchArgError(`Unknown argument "${argv[i]}".`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new BenchArgError(`--${match[1]} needs a value.`);
    seen.set(match[1]!, value);
  }
  const contacts = seen.has('contacts') ? whole('--contacts', seen.get('contacts')!, 100) : 100_000;
  return {
    contacts,
    accounts: seen.has('accounts') ? whole('--accounts', seen.get('accounts')!, 0) : Math.ceil(contacts / 10),
    opportunities: seen.has('opportunities') ? whole('--opportunities', seen.get('opportunities')!, 0) : Math.ceil(contacts / 5),
    leads: seen.has('leads') ? whole('--leads', seen.get('leads')!, 0) : Math.ceil(contacts / 5),
    activities: seen.has('activities') ? whole('--activities', seen.get('activities')!, 0) : contacts * 2,
    db: seen.get('db') ?? null,
    runs: seen.has('runs') ? whole('--runs', seen.get('runs')!, 1) : 200,
    only: seen.has('only') ? sections(seen.get('only')!) : new Set(BENCH_SECTIONS),
  };
}
