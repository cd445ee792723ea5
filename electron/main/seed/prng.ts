/**
 * A small seeded generator (sfc32): a million rows need tens of millions of
 * draws, and Math.random can neither be seeded nor keep up with faker's cost.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // Mixes the seed in so seeds 1 and 2 do not start with near-identical streams.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index into cumulative weights (ascending, last = total). */
  weighted(cumulative: readonly number[]): number {
    const x = this.next() * cumulative[cumulative.length - 1]!;
    let i = 0;
    while (cumulative[i]! <= x) i++;
    return i;
  }
}

const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Fills a pattern: `#` any digit, `%` a digit 1–9, `@` a letter as used in UK postcodes. */
export function fillPattern(rng: Rng, pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '#') out += rng.int(10);
    else if (ch === '%') out += 1 + rng.int(9);
    else if (ch === '@') out += LETTERS[rng.int(LETTERS.length)];
    else out += ch;
  }
  return out;
}
