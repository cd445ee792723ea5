import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';
import { addressColumns, recordColumns, recordRelations } from '../../db/record-columns';

export const AccountEntity = new EntitySchema<StoredRow>({
  name: 'Account',
  tableName: 'accounts',
  columns: {
    ...recordColumns,
    name: { type: 'varchar', length: 200 },
    /** foldForSort(name): the grid sorts on this so case and accents do not scatter names. */
    sortName: { type: 'varchar', length: 200 },
    industry: { type: 'varchar', length: 50, nullable: true },
    website: { type: 'varchar', length: 300, nullable: true },
    phone: { type: 'varchar', length: 40, nullable: true },
    ...addressColumns('billing'),
    ...addressColumns('shipping'),
    employees: { type: 'integer', nullable: true },
    annualRevenueMinor: { type: 'bigint', nullable: true },
    annualRevenueCurrency: { type: 'varchar', length: 3, nullable: true },
    parentAccountId: { type: 'integer', nullable: true },
    ownerId: { type: 'integer' },
    /** The territory whose rules the account matched when it was last assigned; null in the fallback queue. */
    territoryId: { type: 'integer', nullable: true },
    /** Kept by its owner: realignment leaves it alone. */
    ownerLocked: { type: 'boolean', default: false },
  },
  relations: {
    ...recordRelations,
    parentAccount: { type: 'many-to-one', target: 'Account', joinColumn: { name: 'parent_account_id' }, onDelete: 'SET NULL', nullable: true },
    owner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'owner_id' }, onDelete: 'RESTRICT' },
    territory: { type: 'many-to-one', target: 'Territory', joinColumn: { name: 'territory_id' }, onDelete: 'SET NULL', nullable: true },
  },
  indices: [
    { columns: ['ownerId'] },
    { columns: ['territoryId'] },
    { columns: ['parentAccountId'] },
    // The grid's default order; partial so the recycle bin does not weigh on it.
    { columns: ['sortName', 'id', 'deletedAt'], where: '"deleted_at" IS NULL' },
  ],
});
