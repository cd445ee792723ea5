import { describe, expect, it } from 'vitest';
import { CurrencyCode, formatMoney, minorDigits, minorToDecimalText, parseMoney } from '../../shared/money';

describe('money in minor units', () => {
  it('knows each currency’s minor digits from ICU', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('BHD')]).toEqual([2, 0, 3]);
  });

  it('parses what people type, by locale, without inventing or losing a cent', () => {
    expect(parseMoney('1,234.56', 'USD', 'en-US')).toEqual({ ok: true, amountMinor: 123456 });
    expect(parseMoney('1.234,56', 'EUR', 'de-DE')).toEqual({ ok: true, amountMinor: 123456 });
    expect(parseMoney('1 234,5', 'EUR', 'fr-FR')).toEqual({ ok: true, amountMinor: 123450 });
    expect(parseMoney('€ 12', 'EUR', 'en-US')).toEqual({ ok: true, amountMinor: 1200 });
    expect(parseMoney('-0.01', 'USD')).toEqual({ ok: true, amountMinor: -1 });
    expect(parseMoney('1500', 'JPY')).toEqual({ ok: true, amountMinor: 1500 });
    expect(parseMoney('0.001', 'USD')).toMatchObject({ ok: false, message: 'At most 2 decimals for USD' });
    expect(parseMoney('1.5', 'JPY')).toMatchObject({ ok: false, message: 'JPY has no minor units' });
    expect(parseMoney('abc', 'USD')).toMatchObject({ ok: false });
    expect(parseMoney('99999999999999999', 'USD')).toMatchObject({ ok: false, message: 'Amount is too large' });
  });

  it('round-trips decimal text and formats for display', () => {
    for (const [minor, cur] of [[123456, 'EUR'], [-5, 'USD'], [7, 'BHD'], [1500, 'JPY'], [0, 'EUR']] as const) {
      const text = minorToDecimalText(minor, cur);
      expect(parseMoney(text, cur)).toEqual({ ok: true, amountMinor: minor });
    }
    expect(minorToDecimalText(5, 'USD')).toBe('0.05');
    expect(formatMoney({ amountMinor: 123456, currency: 'EUR' }, 'en-US')).toBe('€1,234.56');
    expect(formatMoney({ amountMinor: 1500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
  });

  it('accepts only real ISO currency codes', () => {
    expect(CurrencyCode.safeParse('EUR').success).toBe(true);
    expect(CurrencyCode.safeParse('eur').success).toBe(false);
    expect(CurrencyCode.safeParse('XYZ').success).toBe(false);
  });
});
