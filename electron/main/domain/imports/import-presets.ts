import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { IMPORT_TARGETS } from '../../../../shared/imports/fields';
import { BUILT_IN_PRESETS, type MappingPreset } from '../../../../shared/imports/presets';
import { CrmError } from '../../../../shared/errors';
import type { AppSettingsStore } from '../settings/app-settings.store';

export const PRESETS_KEY = 'import.presets';

const Stored = z.object({
  presets: z
    .array(z.object({ id: z.string(), name: z.string(), target: z.enum(IMPORT_TARGETS), columns: z.record(z.string(), z.string()) }))
    .default([]),
});

/** The office's saved mappings (shared by everyone on this database) after the built-in ones. */
export async function allPresets(store: AppSettingsStore, em?: EntityManager): Promise<MappingPreset[]> {
  const { presets } = await store.read(PRESETS_KEY, Stored, em);
  return [...BUILT_IN_PRESETS, ...presets.map((p) => ({ ...p, builtIn: false }))];
}

export async function savePreset(
  store: AppSettingsStore,
  em: EntityManager,
  input: { name: string; target: MappingPreset['target']; columns: Record<string, string> },
  by: { userId: number; now: string },
): Promise<MappingPreset> {
  const { presets } = await store.read(PRESETS_KEY, Stored, em);
  // Saving under an existing name replaces that preset: people re-save after fixing one column.
  const prior = presets.find((p) => p.name.toLowerCase() === input.name.toLowerCase() && p.target === input.target);
  const preset = { id: prior?.id ?? randomUUID(), name: input.name, target: input.target, columns: input.columns };
  await store.write(em, PRESETS_KEY, { presets: [...presets.filter((p) => p !== prior), preset] }, by.userId, by.now);
  return { ...preset, builtIn: false };
}

export async function deletePreset(store: AppSettingsStore, em: EntityManager, id: string, by: { userId: number; now: string }): Promise<void> {
  if (BUILT_IN_PRESETS.some((p) => p.id === id)) throw new CrmError('validation', 'Built-in presets cannot be deleted.');
  const { presets } = await store.read(PRESETS_KEY, Stored, em);
  if (!presets.some((p) => p.id === id)) throw new CrmError('not_found', 'There is no saved preset with this id.');
  await store.write(em, PRESETS_KEY, { presets: presets.filter((p) => p.id !== id) }, by.userId, by.now);
}
