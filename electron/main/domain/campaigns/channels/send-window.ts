import type { QuietHours } from '../../../../../shared/contract/campaign-settings';
import { CrmError } from '../../../../../shared/errors';
import { nextDate, zoneOffsetMs } from '../../activities/time-zone';

/**
 * When a campaign may send: quiet hours on the recipient-side wall clock, and a cap per hour.
 * Pure functions of an injected "now", so the journey job (which defers with ctx.defer) and the
 * tests agree on every instant, DST days included.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function offsetAt(instant: number, timeZone: string): number {
  try {
    return zoneOffsetMs(instant, timeZone);
  } catch {
    throw new CrmError('validation', `"${timeZone}" is not a time zone this computer knows.`, [{ path: 'quietHours.timeZone', message: 'Not a known time zone' }]);
  }
}

/** The local date and minute of the day at an instant. */
function wallClock(instant: number, timeZone: string): { date: string; minute: number } {
  const wall = new Date(instant + offsetAt(instant, timeZone));
  return { date: wall.toISOString().slice(0, 10), minute: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/** Inside [from, to) on the wall clock; from > to wraps midnight; from = to is never quiet. */
function quietAt(minute: number, from: number, to: number): boolean {
  return from < to ? minute >= from && minute < to : from > to && (minute >= from || minute < to);
}

export function isQuietTime(nowMs: number, quietHours: QuietHours | null): boolean {
  if (!quietHours) return false;
  return quietAt(wallClock(nowMs, quietHours.timeZone).minute, minutesOf(quietHours.from), minutesOf(quietHours.to));
}

/**
 * The instants at which the wall clock of `timeZone` first reads `minute` on `date`: two on the
 * night the clocks go back (the hour repeats), one on other days. When the clocks go forward
 * over that time it never shows; then the moment of the jump, the first after it.
 */
export function wallClockInstants(date: string, minute: number, timeZone: string): number[] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minute);
  // At most one transition lies within a day of any wall time in real zones.
  const candidates = [...new Set([wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)])]
    .filter((t) => t + offsetAt(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates;
  // In the gap: find the jump, to the second (zoneOffsetMs works in whole seconds).
  let before = wall - offsetAt(wall + DAY_MS, timeZone);
  let after = wall - offsetAt(wall - DAY_MS, timeZone);
  const early = offsetAt(before, timeZone);
  while (after - before > 1000) {
    const mid = before + Math.floor((after - before) / 2000) * 1000;
    if (offsetAt(mid, timeZone) === early) before = mid;
    else after = mid;
  }
  return [after];
}

/**
 * `nowMs` when sending is allowed now, else the first instant at which the quiet hours are over
 * (the wall clock shows `to`, or jumps past it).
 */
export function nextAllowedTime(nowMs: number, quietHours: QuietHours | null): number {
  if (!quietHours) return nowMs;
  const from = minutesOf(quietHours.from);
  const to = minutesOf(quietHours.to);
  const local = wallClock(nowMs, quietHours.timeZone);
  if (!quietAt(local.minute, from, to)) return nowMs;
  // Quiet after `from` in a window that wraps: it ends tomorrow; otherwise today.
  const endDate = from > to && local.minute >= from ? nextDate(local.date) : local.date;
  const ends = wallClockInstants(endDate, to, quietHours.timeZone).filter((t) => t > nowMs);
  // Never empty in real zones; should a zone surprise us, the job simply looks again a minute later.
  return ends[0] ?? nowMs + MINUTE_MS;
}

/**
 * With at most `perHour` messages in any sliding hour: null when one may go now, else the
 * instant (ms) at which it may, given the send times of the last hour (older ones are ignored).
 */
export function throttleDelay(sentTimesMsInLastHour: number[], perHour: number | null, nowMs: number): number | null {
  if (perHour === null) return null;
  const recent = sentTimesMsInLastHour.filter((t) => t > nowMs - HOUR_MS).sort((a, b) => a - b);
  if (recent.length < perHour) return null;
  // Once the oldest (recent.length - perHour + 1) sends are an hour old, one more fits.
  return recent[recent.length - perHour]! + HOUR_MS;
}
