import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef } from 'react';

interface Versioned {
  id: number;
  version: number;
}

export interface VersionedRecordOptions<Entity extends Versioned, Patch extends object> {
  /** The record as the edit form loaded it. */
  loaded: Entity;
  /** Where the record is cached: its page then shows what was saved without fetching it again. */
  queryKey: (id: number) => QueryKey;
  get: (id: number) => Promise<Entity>;
  update: (id: number, version: number, patch: Patch) => Promise<Entity>;
}

export interface VersionedRecord<Entity extends Versioned, Patch extends object> {
  /** Saves the changed fields; with none changed it sends nothing, so no new version is made. */
  save: (patch: Patch) => Promise<void>;
  /** Loads the saved record again, e.g. after a conflict; later saves are based on it. */
  reload: () => Promise<Entity>;
}

/** Saving an edited record with optimistic locking: each save carries the version the form is based on. */
export function useVersionedRecord<Entity extends Versioned, Patch extends object>({
  loaded,
  queryKey,
  get,
  update,
}: VersionedRecordOptions<Entity, Patch>): VersionedRecord<Entity, Patch> {
  const client = useQueryClient();
  // Changes only on a save or a reload: an edit by someone else must not slip in unnoticed.
  const version = useRef(loaded.version);

  const keep = (record: Entity) => {
    version.current = record.version;
    client.setQueryData(queryKey(record.id), record);
    return record;
  };

  return {
    save: async (patch) => {
      if (Object.keys(patch).length) keep(await update(loaded.id, version.current, patch));
    },
    reload: async () => keep(await get(loaded.id)),
  };
}
