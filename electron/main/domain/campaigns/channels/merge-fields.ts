import { MERGE_FIELDS, type MergeField } from '../../../../../shared/contract/campaigns';
import { CrmError } from '../../../../../shared/errors';

/**
 * The merge-field language shared by e-mail, SMS and letters: `{{firstName}}`, spaces inside
 * the braces allowed (`{{ firstName }}`). Templates are parsed once, when they are saved, so an
 * unknown field is refused there instead of reaching a recipient as '{{fristName}}'.
 */

/** The recipient as the campaign merges it: every value a string, '' when the record has none. */
export interface MergeRecord {
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  phone: string;
  accountName: string;
  title: string;
  street: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  ownerName: string;
}

/** The fields a template may use (shared with the renderer's chips), in the order the error message lists them. */
export { MERGE_FIELDS, type MergeField };

/** What a render fills in: the record plus what the caller knows about the send. A missing value renders as ''. */
export type MergeValues = { [K in MergeField | keyof MergeRecord]?: string | null };

/** How a value is written into its surroundings: an HTML part, plain text, a URL component, or the inside of a JSON string. */
export type MergeEscape = 'html' | 'text' | 'url' | 'json';

export type TemplatePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'field'; readonly field: MergeField };

export interface MergeTemplate {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  /** The fields used, each once, in order of first use. */
  readonly fields: readonly MergeField[];
}

const KNOWN = new Set<string>(MERGE_FIELDS);
const KNOWN_LIST = MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ');

function isMergeField(name: string): name is MergeField {
  return KNOWN.has(name);
}

/** Line and column of an offset, for messages a person can find in a long HTML template. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

function unknownMessage(name: string): string {
  const sameLetters = MERGE_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase());
  return sameLetters ? `{{${name}}} (did you mean {{${sameLetters}}}?)` : name === '' ? '{{}} (an empty field)' : `{{${name}}}`;
}

/**
 * Checks and splits a template. Throws CrmError('validation') for an opening `{{` without its
 * closing `}}` (or with another `{{` before it), and for unknown fields, naming them and listing
 * the known ones. A lone `}}` is plain text: minified CSS in an HTML part ends rules with it.
 */
export function parseTemplate(text: string, path = 'template'): MergeTemplate {
  const parts: TemplatePart[] = [];
  const fields: MergeField[] = [];
  const unknown: string[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, open);
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const message = `The "{{" at ${where(text, open)} has no closing "}}": write merge fields as {{firstName}}.`;
      throw new CrmError('validation', message, [{ path, message }]);
    }
    const name = text.slice(open + 2, close).trim();
    if (isMergeField(name)) {
      if (literal) parts.push({ kind: 'text', text: literal });
      literal = '';
      parts.push({ kind: 'field', field: name });
      if (!fields.includes(name)) fields.push(name);
    } else if (!unknown.includes(name)) {
      unknown.push(name);
    }
    i = close + 2;
  }
  if (literal) parts.push({ kind: 'text', text: literal });
  if (unknown.length > 0) {
    const names = unknown.map(unknownMessage).join(', ');
    const message = `Unknown merge field${unknown.length > 1 ? 's' : ''} ${names}. The known fields are ${KNOWN_LIST}.`;
    throw new CrmError('validation', message, [{ path, message }]);
  }
  return { source: text, parts, fields };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** encodeURIComponent throws on a lone surrogate (a cut-off emoji in imported data): such halves become U+FFFD. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function escapeMergeValue(value: string, escape: MergeEscape): string {
  switch (escape) {
    case 'html':
      return escapeHtml(value);
    case 'text':
      return value;
    case 'url':
      return encodeURIComponent(wellFormed(value));
    case 'json':
      // The inside of a JSON string: the template supplies the quotes.
      return JSON.stringify(value).slice(1, -1);
  }
}

export function renderTemplate(tpl: MergeTemplate, values: MergeValues, escape: MergeEscape): string {
  let out = '';
  for (const part of tpl.parts) out += part.kind === 'text' ? part.text : escapeMergeValue(values[part.field] ?? '', escape);
  return out;
}
