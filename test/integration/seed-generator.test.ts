import { describe, expect, it } from 'vitest';
import { asciiSlug } from '../../electron/main/seed/ascii-slug';
import { IsoClock } from '../../electron/main/seed/iso-time';
import { Rng, fillPattern } from '../../electron/main/seed/prng';
import { SampleData } from '../../electron/main/seed/sample-data';

describe('sample data building blocks', () => {
  it('formats timestamps exactly as Date#toISOString does', () => {
    const clock = new IsoClock();
    const rng = new Rng(1);
    const samples = [0, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 10, 22, 13, 22, 51, 397)];
    for (let i = 0; i < 5000; i++) samples.push(Math.floor(rng.next() * 4_000_000_000_000));
    for (const ms of samples) expect(clock.format(ms)).toBe(new Date(ms).toISOString());
  });

  it('turns names from every sample country into plain ASCII for e-mail addresses and domains', () => {
    expect(asciiSlug('Łukasz')).toBe('lukasz');
    expect(asciiSlug('Müller-Lüdenscheidt')).toBe('mullerludenscheidt');
    expect(asciiSlug('Strauß')).toBe('strauss');
    expect(asciiSlug('Åsa')).toBe('asa');
    expect(asciiSlug('Çelik İnşaat Işık')).toBe('celikinsaatisik');
    expect(asciiSlug('Γιώργος Παπαδόπουλου')).toBe('giorgospapadopoulou');
    expect(asciiSlug('Hofmann & Söhne Logistik', '-')).toBe('hofmann-sohne-logistik');
  });

  it('fills phone and postcode patterns with digits and UK postcode letters', () => {
    const rng = new Rng(9);
    expect(fillPattern(rng, '+49 89 #######')).toMatch(/^\+49 89 \d{7}$/);
    expect(fillPattern(rng, '+1 (212) %##-####')).toMatch(/^\+1 \(212\) [1-9]\d\d-\d{4}$/);
    expect(fillPattern(rng, 'EC%@ #@@')).toMatch(/^EC[1-9][A-Z] \d[A-Z]{2}$/);
  });

  it('keeps addresses, phones and currencies consistent with the country', () => {
    const data = new SampleData({ seed: 2, now: new Date('2026-11-22T00:00:00Z'), userIds: [1, 2], firstAccountId: 1, firstContactId: 1 });
    const prefixes: Record<string, string> = { DE: '+49', FR: '+33', ES: '+34', IT: '+39', PL: '+48', SE: '+46', GB: '+44', US: '+1', TR: '+90', GR: '+30' };
    for (let i = 0; i < 500; i++) {
      const a = data.account();
      const [phone, country, currency] = [a[10], a[15], a[23]] as [string | null, string, string | null];
      if (phone !== null) expect(phone.startsWith(`${prefixes[country]} `), `${phone} in ${country}`).toBe(true);
      if (country === 'PL') expect(a[14]).toMatch(/^\d\d-\d{3}$/);
      if (country === 'SE' && currency !== null) expect(currency).toBe('SEK');
    }
  });
});
