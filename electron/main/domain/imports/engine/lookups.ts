import type { Database, Statement } from 'better-sqlite3';
import { foldForSort } from '../../../../../shared/text';
import { skuKey } from '../../catalog/product.mapper';

export type Found = { kind: 'none' } | { kind: 'one'; id: number } | { kind: 'many'; count: number };

const NONE: Found = Object.freeze({ kind: 'none' });
const NO_IDS: readonly number[] = Object.freeze([]);

const found = (ids: readonly number[]): Found => (ids.length === 0 ? NONE : ids.length === 1 ? { kind: 'one', id: ids[0]! } : { kind: 'many', count: ids.length });

type KeyEntity = 'contact' | 'account' | 'lead' | 'opportunity' | 'product';
const TABLES: Record<KeyEntity, string> = { contact: 'contacts', account: 'accounts', lead: 'leads', opportunity: 'opportunities', product: 'products' };

/**
 * A big create-only import checks every row's e-mail against the contacts on
 * file: past this many checks it reads all their keys into memory once (a
 * million in ≈1 s, against ≈2.5 µs a check by the index) and asks the
 * database only about an address it holds.
 */
const PRELOAD_EMAILS_AFTER = 20_000;
const PRELOAD_EMAILS_UP_TO = 5_000_000;

/** What an e-mail address is looked up and kept as (record_keys, and the import's own new addresses). */
export const emailKey = (address: string): string => address.trim().toLowerCase();

/** One id, or the rare several: a million-row import keeps a number per key rather than an array. */
type CreatedIds = number | number[];

const idsOf = (ids: CreatedIds | undefined): readonly number[] => (ids === undefined ? NO_IDS : typeof ids === 'number' ? [ids] : ids);

function remember(map: Map<string, CreatedIds>, key: string, id: number): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, id);
  else if (!idsOf(ids).includes(id)) map.set(key, [...idsOf(ids), id]);
}

/**
 * Finds existing records for an import: by e-mail, by external id, accounts
 * and opportunities by name, products by SKU and users by name or e-mail.
 * Reads see the import's own earlier rows (same transaction), so a file that
 * names an account twice finds it the second time.
 */
export class Lookups {
  private readonly byKey: Record<KeyEntity, Statement>;
  private readonly accountName: Statement;
  private readonly leadEmail: Statement;
  private readonly productSku: Statement;
  private readonly opportunityName: Statement;
  private readonly users: Map<string, { id: number; active: boolean; name: string }[]>;
  private readonly accountNames = new Map<string, Found>();
  /** E-mails of contacts this import created: their keys are written at its end, so they are looked up here first. */
  private readonly createdEmails = new Map<string, CreatedIds>();
  /** External ids of records this import created: a batched record is not in its table yet, so the key's join cannot find it. */
  private readonly createdExternal = new Map<string, CreatedIds>();
  /** Every live contact's e-mail keys, once a create-only import has looked up enough of them (see `email`). */
  private storedContactEmails: Set<string> | null = null;
  private contactEmailLookups = 0;
  private readonly loadContactEmails: () => Set<string> | null;

  /** `createOnly`: the import changes no existing contact, so the contacts' e-mail keys stay as they were while it runs. */
  constructor(db: Database, options: { createOnly?: boolean } = {}) {
    const byKey = (entity: KeyEntity) =>
      db
        .prepare(
          `SELECT k.record_id FROM record_keys k JOIN ${TABLES[entity]} r ON r.id = k.record_id AND r.deleted_at IS NULL
            WHERE k.entity = '${entity}' AND k.kind = ? AND k.key = ? LIMIT 3`,
        )
        .pluck();
    this.byKey = { contact: byKey('contact'), account: byKey('account'), lead: byKey('lead'), opportunity: byKey('opportunity'), product: byKey('product') };
    this.accountName = db.prepare(`SELECT id FROM accounts WHERE sort_name = ? AND deleted_at IS NULL LIMIT 3`).pluck();
    // A lead has one e-mail, kept normalised in its own indexed column: no record_keys needed.
    this.leadEmail = db.prepare(`SELECT id FROM leads WHERE email_normalized = ? AND deleted_at IS NULL LIMIT 3`).pluck();
    this.productSku = db.prepare(`SELECT id FROM products WHERE sku_key = ? AND deleted_at IS NULL LIMIT 3`).pluck();
    this.opportunityName = db.prepare(`SELECT id FROM opportunities WHERE sort_name = ? AND account_id IS ? AND deleted_at IS NULL LIMIT 3`).pluck();
    const countKeys = db.prepare(`SELECT count(*) FROM record_keys WHERE entity = 'contact' AND kind = 'email'`).pluck();
    const allKeys = db.prepare(`SELECT k.key FROM record_keys k JOIN contacts r ON r.id = k.record_id AND r.deleted_at IS NULL WHERE k.entity = 'contact' AND k.kind = 'email'`).pluck();
    this.loadContactEmails = () => (options.createOnly && (countKeys.get() as number) <= PRELOAD_EMAILS_UP_TO ? new Set(allKeys.all() as string[]) : null);
    this.users = new Map();
    for (const u of db.prepare(`SELECT id, name, email, active FROM users`).all() as { id: number; name: string; email: string | null; active: number }[]) {
      for (const key of [foldForSort(u.name), u.email ? u.email.trim().toLowerCase() : null]) {
        if (!key) continue;
        const list = this.users.get(key) ?? [];
        list.push({ id: u.id, active: u.active === 1, name: u.name });
        this.users.set(key, list);
      }
    }
  }

  email(entity: 'contact' | 'lead', address: string): Found {
    const key = emailKey(address);
    if (entity === 'lead') return found(this.leadEmail.all(key) as number[]);
    if (++this.contactEmailLookups === PRELOAD_EMAILS_AFTER) this.storedContactEmails = this.loadContactEmails();
    const stored = this.storedContactEmails && !this.storedContactEmails.has(key) ? NO_IDS : (this.byKey[entity].all('email', key) as number[]);
    const created = idsOf(this.createdEmails.get(key));
    return found(created.length ? [...new Set([...stored, ...created])] : stored);
  }

  /** Whether a live contact has this e-mail, on file or new in this import: all a create needs to know (no list of ids). */
  contactEmailTaken(address: string): boolean {
    const key = emailKey(address);
    if (this.createdEmails.has(key)) return true;
    if (++this.contactEmailLookups === PRELOAD_EMAILS_AFTER) this.storedContactEmails = this.loadContactEmails();
    if (this.storedContactEmails) return this.storedContactEmails.has(key);
    return this.byKey.contact.get('email', key) !== undefined;
  }

  /** Case ignored, as the SKU's uniqueness is. */
  sku(sku: string): Found {
    return found(this.productSku.all(skuKey(sku)) as number[]);
  }

  /** An opportunity by its name (case and accents ignored) within its account, or among those without one. */
  opportunity(name: string, accountId: number | null): Found {
    return found(this.opportunityName.all(foldForSort(name), accountId) as number[]);
  }

  rememberEmails(addresses: readonly string[], id: number): void {
    for (const address of addresses) remember(this.createdEmails, emailKey(address), id);
  }

  external(entity: KeyEntity, id: string): Found {
    const stored = this.byKey[entity].all('external', id.trim()) as number[];
    const created = idsOf(this.createdExternal.get(`${entity}:${id.trim()}`));
    return found(created.length ? [...new Set([...stored, ...created])] : stored);
  }

  rememberExternal(entity: KeyEntity, key: string, id: number): void {
    const k = `${entity}:${key.trim()}`;
    remember(this.createdExternal, k, id);
  }

  /** Cached per run; `remember` adds an account the import itself created. */
  accountByName(name: string): Found {
    const key = foldForSort(name);
    let hit = this.accountNames.get(key);
    if (!hit) {
      hit = found(this.accountName.all(key) as number[]);
      this.accountNames.set(key, hit);
    }
    return hit;
  }

  rememberAccount(name: string, id: number): void {
    const key = foldForSort(name);
    const prior = this.accountNames.get(key);
    this.accountNames.set(key, !prior || prior.kind === 'none' ? { kind: 'one', id } : { kind: 'many', count: (prior.kind === 'one' ? 1 : prior.count) + 1 });
  }

  /** A user by name (case and accents ignored) or e-mail. */
  user(text: string): { ok: true; id: number } | { ok: false; message: string } {
    const key = text.includes('@') ? text.trim().toLowerCase() : foldForSort(text);
    const hits = this.users.get(key) ?? [];
    if (hits.length === 0) return { ok: false, message: `No user called "${text.trim()}"` };
    if (hits.length > 1) return { ok: false, message: `${hits.length} users are called "${text.trim()}": use the e-mail address` };
    const user = hits[0]!;
    return user.active ? { ok: true, id: user.id } : { ok: false, message: `${user.name} is no longer active` };
  }
}
