import type { ImportBatch } from '../../../../shared/contract/imports';
import type { ImportTarget } from '../../../../shared/imports/fields';

export const TARGET_LABELS: Record<ImportTarget, string> = { contacts: 'Contacts', accounts: 'Accounts', leads: 'Leads', opportunities: 'Opportunities', products: 'Products' };

export const MODE_LABELS = { create: 'Create new records only', update: 'Update existing records only', upsert: 'Update existing, create the rest' } as const;

export const KEY_LABELS = { email: 'E-mail', name: 'Name', externalId: 'External id', sku: 'SKU' } as const;

/** What each key means for a target, where the plain label says too little. */
export const KEY_LABELS_BY_TARGET: Partial<Record<ImportTarget, Partial<Record<keyof typeof KEY_LABELS, string>>>> = { opportunities: { name: 'Name within the account' } };

export const ENCODING_LABELS = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little endian)', 'utf-16be': 'UTF-16 (big endian)', 'windows-1252': 'Windows-1252 (Western European)' } as const;

export const DELIMITER_LABELS = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab' } as const;

export const STATUS_LABELS: Record<ImportBatch['status'], string> = { applied: 'Imported', failed: 'Failed, nothing kept', cancelled: 'Cancelled', undone: 'Undone' };

/** Locales whose number and date style people's spreadsheets most often follow here. */
export const LOCALES = ['en-US', 'en-GB', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pl-PL', 'sv-SE', 'da-DK', 'tr-TR', 'el-GR'] as const;
