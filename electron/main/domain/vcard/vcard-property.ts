/** One content line of a vCard (RFC 6350 / 2426): `group.NAME;PARAM=a,b:value`. */
export interface VcardProperty {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Splits at the first unquoted colon; parameter values may be quoted and comma-separated. */
export function parseProperty(line: string): VcardProperty | null {
  let i = 0;
  let quoted = false;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) break;
  }
  if (i >= line.length) return null;
  const head = line.slice(0, i);
  const value = line.slice(i + 1);
  const parts = splitUnquoted(head, ';');
  const name = parts[0]!.replace(/^.*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    // vCard 2.1 writes bare types: TEL;WORK;VOICE.
    const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).toUpperCase();
    const raw = eq < 0 ? p : p.slice(eq + 1);
    const values = splitUnquoted(raw, ',').map((v) => v.replace(/^"|"$/g, '').toLowerCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value };
}

function splitUnquoted(text: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/** A text value's components (N, ADR, ORG are `;`-separated), each unescaped: \\n, \\, \\; \\\\. */
export function components(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
    } else if (c === ';') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

export function unescapeText(value: string): string {
  return components(value.replace(/;/g, '\\;')).join(';');
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}
