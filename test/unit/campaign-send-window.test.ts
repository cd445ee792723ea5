import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQuietTime, nextAllowedTime, throttleDelay, wallClockInstants } from '../../electron/main/domain/campaigns/channels/send-window';
import { CampaignSendSettings, QuietHours } from '../../shared/contract/campaign-settings';

const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

const berlinNight = { from: '20:00', to: '08:00', timeZone: 'Europe/Berlin' };
const newYorkNight = { from: '21:00', to: '09:00', timeZone: 'America/New_York' };

/** The wall clock as Intl shows it, independent of the code under test. */
function local(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
}

describe('quiet hours', () => {
  it('are no limit when not set', () => {
    expect(nextAllowedTime(at('2026-01-15T03:00:00Z'), null)).toBe(at('2026-01-15T03:00:00Z'));
  });

  it('wrap midnight: 20:00 to 08:00 Berlin time holds mail from the evening until the next morning', () => {
    const now = (s: string) => nextAllowedTime(at(s), berlinNight);
    expect(iso(now('2026-01-15T18:59:00Z'))).toBe('2026-01-15T18:59:00.000Z'); // 19:59 CET: still allowed
    expect(iso(now('2026-01-15T19:00:00Z'))).toBe('2026-01-16T07:00:00.000Z'); // 20:00 CET: quiet until 08:00 CET
    expect(iso(now('2026-01-15T22:59:59Z'))).toBe('2026-01-16T07:00:00.000Z'); // 23:59:59 CET
    expect(iso(now('2026-01-15T23:00:00Z'))).toBe('2026-01-16T07:00:00.000Z'); // 00:00 CET, the next day
    expect(iso(now('2026-01-16T06:59:00Z'))).toBe('2026-01-16T07:00:00.000Z');
    expect(iso(now('2026-01-16T07:00:00Z'))).toBe('2026-01-16T07:00:00.000Z'); // 08:00 CET: allowed again
  });

  it('need not wrap: a 12:00 to 13:00 lunch break in Berlin summer time', () => {
    const lunch = { from: '12:00', to: '13:00', timeZone: 'Europe/Berlin' };
    expect(iso(nextAllowedTime(at('2026-07-01T09:59:00Z'), lunch))).toBe('2026-07-01T09:59:00.000Z');
    expect(iso(nextAllowedTime(at('2026-07-01T10:00:00Z'), lunch))).toBe('2026-07-01T11:00:00.000Z');
    expect(iso(nextAllowedTime(at('2026-07-01T10:30:00Z'), lunch))).toBe('2026-07-01T11:00:00.000Z');
    expect(iso(nextAllowedTime(at('2026-07-01T11:00:00Z'), lunch))).toBe('2026-07-01T11:00:00.000Z');
    expect(iso(nextAllowedTime(at('2026-07-01T20:00:00Z'), lunch))).toBe('2026-07-01T20:00:00.000Z'); // 22:00: not a wrap
  });

  it('end at 08:00 local time across the night the clocks go forward in Berlin (29 March 2026)', () => {
    // 23:00 CET on the 28th; 08:00 on the 29th is already CEST (UTC+2).
    const end = nextAllowedTime(at('2026-03-28T22:00:00Z'), berlinNight);
    expect(iso(end)).toBe('2026-03-29T06:00:00.000Z');
    expect(local(end, 'Europe/Berlin')).toBe('2026-03-29 08:00');
    expect(iso(nextAllowedTime(at('2026-03-29T00:30:00Z'), berlinNight))).toBe('2026-03-29T06:00:00.000Z'); // 01:30 CET
  });

  it('end when the clock jumps past an end time that does not exist that night', () => {
    // 02:30 is skipped on 29 March in Berlin: 01:59:59 CET is followed by 03:00 CEST (01:00Z).
    const early = { from: '00:00', to: '02:30', timeZone: 'Europe/Berlin' };
    expect(iso(nextAllowedTime(at('2026-03-29T00:45:00Z'), early))).toBe('2026-03-29T01:00:00.000Z');
    expect(wallClockInstants('2026-03-29', 150, 'Europe/Berlin').map(iso)).toEqual(['2026-03-29T01:00:00.000Z']);
    expect(wallClockInstants('2026-03-08', 150, 'America/New_York').map(iso)).toEqual(['2026-03-08T07:00:00.000Z']);
  });

  it('end at 08:00 local time across the night the clocks go back in Berlin, and cope with the repeated hour', () => {
    const end = nextAllowedTime(at('2026-10-24T19:00:00Z'), berlinNight); // 21:00 CEST
    expect(iso(end)).toBe('2026-10-25T07:00:00.000Z'); // 08:00 CET (UTC+1)
    expect(local(end, 'Europe/Berlin')).toBe('2026-10-25 08:00');
    // 02:00–02:30 happens twice that night: each pass is quiet and ends at its own 02:30.
    const small = { from: '02:00', to: '02:30', timeZone: 'Europe/Berlin' };
    expect(wallClockInstants('2026-10-25', 150, 'Europe/Berlin').map(iso)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(iso(nextAllowedTime(at('2026-10-25T00:10:00Z'), small))).toBe('2026-10-25T00:30:00.000Z'); // 02:10 CEST
    expect(isQuietTime(at('2026-10-25T00:45:00Z'), small)).toBe(false); // 02:45 CEST
    expect(iso(nextAllowedTime(at('2026-10-25T01:10:00Z'), small))).toBe('2026-10-25T01:30:00.000Z'); // 02:10 CET
  });

  it('follow New York time on both DST nights of 2026', () => {
    // 22:00 EST on 7 March; 09:00 on 8 March is EDT (UTC-4).
    expect(iso(nextAllowedTime(at('2026-03-08T03:00:00Z'), newYorkNight))).toBe('2026-03-08T13:00:00.000Z');
    // 22:00 EDT on 31 October; 09:00 on 1 November is EST (UTC-5).
    expect(iso(nextAllowedTime(at('2026-11-01T02:00:00Z'), newYorkNight))).toBe('2026-11-01T14:00:00.000Z');
    // 01:00–02:30 on 8 March: 02:30 never shows; 01:59:59 EST is followed by 03:00 EDT (07:00Z).
    expect(iso(nextAllowedTime(at('2026-03-08T06:30:00Z'), { from: '01:00', to: '02:30', timeZone: 'America/New_York' }))).toBe('2026-03-08T07:00:00.000Z');
    expect(isQuietTime(at('2026-03-08T13:00:00Z'), newYorkNight)).toBe(false);
    expect(isQuietTime(at('2026-03-08T12:59:00Z'), newYorkNight)).toBe(true);
  });

  it('always end at the first allowed instant, in zones with DST, half-hour shifts and none', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC', 'America/Santiago'];
    const clock = fc.integer({ min: 0, max: 24 * 4 - 1 }).map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-01-01T00:00:00Z') }),
        clock,
        clock,
        fc.constantFrom(...zones),
        (now, from, to, timeZone) => {
          fc.pre(from !== to);
          const quiet = { from, to, timeZone };
          const next = nextAllowedTime(now, quiet);
          expect(next).toBeGreaterThanOrEqual(now);
          expect(next - now).toBeLessThan(25 * 60 * MIN);
          expect(isQuietTime(next, quiet)).toBe(false);
          if (next > now) {
            for (const f of [0, 0.25, 0.5, 0.75]) expect(isQuietTime(now + Math.floor((next - now) * f), quiet)).toBe(true);
            expect(isQuietTime(next - 1000, quiet)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('are validated: HH:MM times that differ and a known time zone', () => {
    expect(QuietHours.safeParse(berlinNight).success).toBe(true);
    expect(QuietHours.safeParse({ ...berlinNight, to: '20:00' }).success).toBe(false);
    expect(QuietHours.safeParse({ ...berlinNight, from: '24:00' }).success).toBe(false);
    expect(QuietHours.safeParse({ ...berlinNight, from: '8:00' }).success).toBe(false);
    expect(QuietHours.safeParse({ ...berlinNight, timeZone: 'Mars/Olympus' }).success).toBe(false);
  });
});

describe('the hourly throttle', () => {
  const now = at('2026-05-04T10:00:00Z');
  const ago = (minutes: number) => now - minutes * MIN;

  it('lets a message go when there is no limit or the last hour has room', () => {
    expect(throttleDelay([ago(1), ago(2), ago(3)], null, now)).toBeNull();
    expect(throttleDelay([ago(50), ago(30)], 3, now)).toBeNull();
    expect(throttleDelay([], 1, now)).toBeNull();
  });

  it('holds it until the oldest send of a full hour is an hour old', () => {
    expect(throttleDelay([ago(50), ago(30), ago(10)], 3, now)).toBe(now + 10 * MIN);
    expect(throttleDelay([ago(0)], 1, now)).toBe(now + 60 * MIN);
  });

  it('ignores sends older than an hour, and does not care about their order', () => {
    expect(throttleDelay([ago(61), ago(60), ago(30), ago(10)], 3, now)).toBeNull();
    // Limit 2 with four sends: the window must drop three of them; the third oldest leaves at +40 min.
    expect(throttleDelay([ago(5), ago(40), ago(20), ago(55)], 2, now)).toBe(now + 40 * MIN);
  });

  it('never lets more than the limit go in any hour when a sender follows it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 3 * 60 * MIN }), { maxLength: 80 }), (perHour, wishes) => {
        // Each message wants to go at its own time and waits as the throttle says.
        const sent: number[] = [];
        for (const wish of [...wishes].sort((a, b) => a - b)) {
          let t = Math.max(wish, sent[sent.length - 1] ?? 0);
          for (let d = throttleDelay(sent.filter((s) => s > t - 60 * MIN), perHour, t); d !== null; d = throttleDelay(sent.filter((s) => s > t - 60 * MIN), perHour, t)) {
            expect(d).toBeGreaterThan(t);
            t = d;
          }
          sent.push(t);
        }
        for (const s of sent) expect(sent.filter((x) => x >= s && x < s + 60 * MIN).length).toBeLessThanOrEqual(perHour);
      }),
      { numRuns: 200 },
    );
  });

  it('settings are validated: a whole number from 1 to 100,000, or null', () => {
    expect(CampaignSendSettings.safeParse({ throttlePerHour: null, quietHours: null }).success).toBe(true);
    expect(CampaignSendSettings.safeParse({ throttlePerHour: 100_000, quietHours: berlinNight }).success).toBe(true);
    for (const bad of [0, 100_001, 1.5, '10']) expect(CampaignSendSettings.safeParse({ throttlePerHour: bad, quietHours: null }).success).toBe(false);
  });
});
