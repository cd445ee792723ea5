/**
 * Text cleaning and line breaking for the PDF layouts. We break lines ourselves
 * instead of letting pdfkit wrap: pdfkit's wrapper adds pages on its own when
 * text runs past the margin, which would break the repeated table header and
 * the keep-together rules, and it cannot tell us up front how many lines a
 * clamped cell takes.
 */

export const ELLIPSIS = '…';

/** Past this a field is not prose any more; cutting early keeps measuring cheap. */
const MAX_FIELD_CHARS = 20_000;

// C0 and C1 controls, DEL, lone surrogates, and bidi overrides that could make
// printed text read differently from what was typed.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HORIZONTAL_SPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

function cleanCommon(text: string): string {
  const capped = text.length > MAX_FIELD_CHARS ? text.slice(0, MAX_FIELD_CHARS) : text;
  return capped.replace(/\r\n?/g, '\n').replace(LONE_SURROGATE, '\uFFFD').replace(/\t/g, ' ');
}

/** One printable line: every control character and line break becomes a single space. */
export function cleanLine(text: string | null | undefined): string {
  if (text == null) return '';
  return cleanCommon(text).replace(/\n/g, ' ').replace(CONTROLS, ' ').replace(HORIZONTAL_SPACE, ' ').trim();
}

/**
 * Prose that keeps its line breaks (descriptions, notes, terms): runs of blank
 * lines shrink to one, so pasted text cannot push a page of emptiness.
 */
export function cleanParagraphs(text: string | null | undefined): string {
  if (text == null) return '';
  return cleanCommon(text)
    .replace(CONTROLS, ' ')
    .split('\n')
    .map((line) => line.replace(HORIZONTAL_SPACE, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface WrappedText {
  lines: string[];
  truncated: boolean;
}

/**
 * Greedy line breaking at spaces; a word wider than the column is cut between
 * characters. Stops measuring once `maxLines` are full, so a 2,000-character
 * name costs as much as a few lines, and ends the last kept line with "…".
 */
export function wrapText(text: string, width: number, maxLines: number, measure: (s: string) => number): WrappedText {
  const lines: string[] = [];
  const limit = Math.max(1, Math.floor(maxLines));
  const full = () => lines.length > limit;
  // Widths are summed per word rather than measured per candidate line: words
  // repeat across a quote, so their shaping is cached, and kerning across a
  // space is too small to matter (the half-point slack absorbs it).
  const fitWidth = width - 0.5;
  const space = measure(' ');
  for (const paragraph of text.split('\n')) {
    if (full()) break;
    if (paragraph === '') {
      lines.push('');
      continue;
    }
    let current = '';
    let currentWidth = 0;
    for (const word of paragraph.split(' ')) {
      if (full()) break;
      if (word === '') continue;
      const wordWidth = measure(word);
      const candidateWidth = current ? currentWidth + space + wordWidth : wordWidth;
      if (candidateWidth <= fitWidth) {
        current = current ? `${current} ${word}` : word;
        currentWidth = candidateWidth;
        continue;
      }
      if (current) lines.push(current);
      let rest = word;
      let restWidth = wordWidth;
      while (restWidth > fitWidth && !full()) {
        const cut = longestFittingPrefix(rest, fitWidth, measure);
        lines.push(cut.head);
        rest = cut.tail;
        restWidth = measure(rest);
      }
      current = rest;
      currentWidth = restWidth;
    }
    if (current && !full()) lines.push(current);
  }
  if (!full()) return { lines, truncated: false };
  const kept = lines.slice(0, limit);
  kept[limit - 1] = withEllipsis(kept[limit - 1] ?? '', fitWidth, measure);
  return { lines: kept, truncated: true };
}

function longestFittingPrefix(word: string, width: number, measure: (s: string) => number): { head: string; tail: string } {
  const chars = Array.from(word);
  // Binary search: at least one character per line, or a too-narrow column would loop forever.
  let lo = 1;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('')) <= width) lo = mid;
    else hi = mid - 1;
  }
  return { head: chars.slice(0, lo).join(''), tail: chars.slice(lo).join('') };
}

/** The line with "…" appended, shortened until both fit the width. */
export function withEllipsis(line: string, width: number, measure: (s: string) => number): string {
  const chars = Array.from(line.trimEnd());
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}
