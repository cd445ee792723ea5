/** Postcodes compared without spaces, dashes or case: "sw1a 1aa" and "SW1A1AA" are one code. */
export function normalizePostcode(postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const n = postcode.toUpperCase().replace(/[\s\-.]/g, '');
  return n === '' ? null : n;
}

// A full UK postcode: outward code (area letters, district, optional letter/digit) + inward code (digit, two letters).
const UK_FULL = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

/** The UK outward code of a full postcode ("SW1A1AA" → "SW1A"); any other code is its own outward code. */
export function outwardCode(normalized: string): string {
  return UK_FULL.exec(normalized)?.[1] ?? normalized;
}

export interface PostcodeCriterion {
  prefixes: string[];
  ranges: { from: string; to: string }[];
}

/**
 * Numeric ranges compare the first N digits as text of equal length, so
 * leading zeros count ("01000"–"19999" takes "08001", not "8001"). Letter
 * ranges ("SW1"–"SW20") take outward codes with the same area letters and a
 * district number in range ("SW1A" is district 1).
 */
export function postcodeMatches(normalized: string | null, c: PostcodeCriterion): boolean {
  if (!normalized) return false;
  if (c.prefixes.some((p) => normalized.startsWith(p))) return true;
  for (const r of c.ranges) {
    if (/^\d+$/.test(r.from)) {
      const head = normalized.slice(0, r.from.length);
      if (head.length === r.from.length && /^\d+$/.test(head) && head >= r.from && head <= r.to) return true;
      continue;
    }
    const from = /^([A-Z]+)(\d+)$/.exec(r.from);
    const to = /^([A-Z]+)(\d+)$/.exec(r.to);
    const own = /^([A-Z]+)(\d+)/.exec(outwardCode(normalized));
    if (from && to && own && own[1] === from[1]) {
      const district = Number(own[2]);
      if (district >= Number(from[2]) && district <= Number(to[2])) return true;
    }
  }
  return false;
}
