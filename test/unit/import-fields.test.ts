import { describe, expect, it } from 'vitest';
import { foldHeader, IMPORT_FIELDS, IMPORT_TARGETS, importField, optionSpelling } from '../../shared/imports/fields';
import { autoMap, BUILT_IN_PRESETS } from '../../shared/imports/presets';

describe('import fields and presets', () => {
  it('no header spelling is claimed by two fields of a target (the second would never be chosen)', () => {
    for (const target of IMPORT_TARGETS) {
      const claimed = new Map<string, string>();
      for (const field of IMPORT_FIELDS[target]) {
        for (const alias of new Set([field.key, field.label, ...field.aliases].map(foldHeader))) {
          expect(claimed.get(alias) ?? field.key, `${target}: "${alias}" is claimed by ${claimed.get(alias)} and ${field.key}`).toBe(field.key);
          claimed.set(alias, field.key);
        }
      }
    }
  });

  it('presets and option aliases name only what exists', () => {
    for (const preset of BUILT_IN_PRESETS) {
      for (const field of Object.values(preset.columns)) expect(importField(preset.target, field), `${preset.id} → ${field}`).toBeDefined();
    }
    for (const target of IMPORT_TARGETS) {
      for (const field of IMPORT_FIELDS[target]) {
        for (const option of Object.values(field.optionAliases ?? {})) expect(field.options, `${target}.${field.key} → ${option}`).toContain(option);
      }
    }
  });

  it('reads a picklist value however it is written, and other systems\' names for it', () => {
    const source = importField('leads', 'source')!;
    const status = importField('leads', 'status')!;
    expect(['Trade Show', 'trade_show', 'TRADE-SHOW', 'Partner Referral', 'Word of mouth'].map((v) => optionSpelling(source, v))).toEqual(['trade_show', 'trade_show', 'trade_show', 'partner', 'referral']);
    expect(['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted'].map((v) => optionSpelling(status, v))).toEqual(['new', 'working', 'disqualified']);
    // Converting is not an import's business: "Closed - Converted" stays as written, and is refused as an unknown status.
    expect(optionSpelling(status, 'Closed - Converted')).toBe('Closed - Converted');
  });

  it('maps the grids\' own export headings back to the fields', () => {
    expect(autoMap('leads', ['Last name', 'First name', 'Company', 'Status', 'Rating', 'Score', 'Source', 'E-mail', 'Owner'])).toEqual([
      'lastName',
      'firstName',
      'company',
      'status',
      'rating',
      null,
      'source',
      'email',
      'owner',
    ]);
    expect(autoMap('products', ['SKU', 'Name', 'Unit', 'Category', 'Active'])).toEqual(['sku', 'name', 'unit', 'category', 'active']);
  });
});
