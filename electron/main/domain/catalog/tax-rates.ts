import { Sql } from '../../db/sql';

export interface StoredTaxClass {
  id: number;
  name: string;
  rateMilli: number;
  isDefault: boolean;
  active: boolean;
}

type Row = { id: number; name: string; rate_milli: number; is_default: number; active: number };
const fromRow = (r: Row): StoredTaxClass => ({ id: r.id, name: r.name, rateMilli: r.rate_milli, isDefault: r.is_default === 1, active: r.active === 1 });

export async function loadTaxClasses(sql: Sql): Promise<Map<number, StoredTaxClass>> {
  const rows = await sql.all<Row>(`SELECT id, name, rate_milli, is_default, active FROM tax_classes`);
  return new Map(rows.map((r) => [r.id, fromRow(r)]));
}

/** The class a line gets when its product names none: the default active class, or untaxed when there is none. */
export function defaultTaxClass(classes: Map<number, StoredTaxClass>): StoredTaxClass | null {
  return [...classes.values()].find((c) => c.isDefault && c.active) ?? null;
}
