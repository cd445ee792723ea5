/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, and tab or
 * carriage return that some strip first) gets a leading apostrophe: shown as
 * typed, never executed. The import takes the apostrophe off again, so an
 * exported "+49 89 1234" re-imports as it was.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse, for imported cells: "'+49…" → "+49…"; an apostrophe before anything else is the user's. */
export function unescapeFormula(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
