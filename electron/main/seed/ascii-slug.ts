import { foldForSort } from '../../../shared/text';

/** Greek letters after accents are stripped; e-mail local parts and domains need ASCII. */
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** "Łukasz Çelik-Öztürk" → "lukaszcelikozturk"; `keep` lets a separator through (e.g. "-" for domains). */
export function asciiSlug(text: string, keep = ''): string {
  const folded = foldForSort(text)
    .replace(/ου/g, 'ou')
    .replace(/[α-ω]/g, (c) => GREEK[c] ?? '');
  let out = '';
  for (const ch of folded) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
    else if (keep && (ch === ' ' || ch === '-' || ch === keep) && !out.endsWith(keep) && out !== '') out += keep;
  }
  return keep && out.endsWith(keep) ? out.slice(0, -1) : out;
}
