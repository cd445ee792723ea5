import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';
import { addressColumns, recordColumns, recordRelations } from '../../db/record-columns';

export const ContactEntity = new EntitySchema<StoredRow>({
  name: 'Contact',
  tableName: 'contacts',
  columns: {
    ...recordColumns,
    firstName: { type: 'varchar', length: 100, nullable: true },
    lastName: { type: 'varchar', length: 100 },
    /** personSortKey(lastName, firstName): the grid's case- and accent-free order. */
    sortName: { type: 'varchar', length: 202 },
    title: { type: 'varchar', length: 150, nullable: true },
    /** JSON arrays of {label, address} / {label, number}; the first is the primary one. */
    emails: { type: 'text', default: '[]' },
    phones: { type: 'text', default: '[]' },
    /** The primary e-mail and phone, kept beside the JSON so grids sort and filter on an index. */
    email: { type: 'varchar', length: 254, nullable: true },
    phone: { type: 'varchar', length: 40, nullable: true },
    accountId: { type: 'integer', nullable: true },
    ...addressColumns('address'),
    birthday: { type: 'varchar', length: 10, nullable: true },
    emailOptOut: { type: 'boolean', default: false },
    doNotCall: { type: 'boolean', default: false },
    ownerId: { type: 'integer' },
    /** Kept by its owner instead of following the account's owner. */
    ownerLocked: { type: 'boolean', default: false },
  },
  relations: {
    ...recordRelations,
    account: { type: 'many-to-one', target: 'Account', joinColumn: { name: 'account_id' }, onDelete: 'SET NULL', nullable: true },
    owner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'owner_id' }, onDelete: 'RESTRICT' },
  },
  indices: [
    { columns: ['ownerId'] },
    { columns: ['accountId'] },
    // The grid's default order; partial so the recycle bin does not weigh on it.
    { columns: ['sortName', 'id', 'deletedAt'], where: '"deleted_at" IS NULL' },
    // Segment counts: the fields most segments filter on, so a count by country (and owner, consent, account)
    // reads this index alone. Not partial: segments ask for live records with `+deleted_at IS NULL`, which keeps
    // SQLite from walking a partial index with a row lookup per record when a full scan is what the rule needs.
    { columns: ['addressCountry', 'ownerId', 'emailOptOut', 'doNotCall', 'accountId', 'deletedAt'] },
  ],
});
