import { randomUUID } from 'node:crypto';
import type { duplicatesContract } from '../../../../shared/contract/duplicates';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { mergeHistory } from './merge-history';
import { mergeRecords, unmergeRecords } from './merge-records';
import { MERGE_SPECS } from './merge-specs';

/*
 * Decisions:
 * - The scan reads every live record of a kind in the import worker (its own connection, the window stays
 *   responsive); it writes nothing, so it needs no write lock.
 * - Merge keeps the survivor's id (links from outside the CRM, e-mails quoting it, keep working) and sends the others
 *   to the recycle bin rather than deleting them: un-merge brings them back exactly.
 * - Consent is never lost in a merge: an e-mail opt-out or do-not-call on any of the records holds for the survivor.
 * - An account's parent never becomes the survivor itself: a parent among the merged accounts leaves the survivor at
 *   the top; a parent below one of them (it would close a loop) is refused, the user picks another.
 * - Converted leads are not merged: their account, contact and opportunity carry them on.
 * - A lead's score is derived from its activities: recomputed once they have moved; un-merge puts the stored one back.
 */
export function duplicatesHandlers(services: Services): ModuleHandlers<typeof duplicatesContract> {
  const db = () => services.imports.db();
  return {
    'duplicates.scan': async ({ taskId, ...options }, ctx) => {
      const id = taskId ?? randomUUID();
      const running = services.imports.startJob({ op: 'scan', ...options }, (label, done, total) => ctx.progress({ taskId: id, label, done, total, finished: false }));
      try {
        const result = await running.result;
        if (!('groups' in result)) throw new Error('The worker answered a scan with something else.');
        return result;
      } finally {
        ctx.progress({ taskId: id, label: 'Done', done: 0, total: 0, finished: true });
      }
    },
    'duplicates.merge': async (input, ctx) => {
      const mergeId = mergeRecords(db(), MERGE_SPECS[input.entity], input, { userId: ctx.userId, now: ctx.now() });
      for (const id of [input.survivorId, ...input.mergedIds]) ctx.events.emit('record.changed', { entity: input.entity, id, action: id === input.survivorId ? 'update' : 'delete' });
      switch (input.entity) {
        case 'contact':
          return { entity: 'contact', mergeId, survivor: await services.contacts.get(input.survivorId, ctx.em) };
        case 'account':
          return { entity: 'account', mergeId, survivor: await services.accounts.get(input.survivorId, ctx.em) };
        case 'lead':
          return { entity: 'lead', mergeId, survivor: await services.leads.leads.rescore(ctx.em, input.survivorId, ctx) };
      }
    },
    'duplicates.unmerge': (input, ctx) => {
      const { entity, survivorId, restoredIds } = unmergeRecords(db(), input.mergeId, { userId: ctx.userId, now: ctx.now() });
      ctx.events.emit('record.changed', { entity, id: survivorId, action: 'update' });
      for (const id of restoredIds) ctx.events.emit('record.changed', { entity, id, action: 'restore' });
      return Promise.resolve({ mergeId: input.mergeId, entity, survivorId, restoredIds });
    },
    'duplicates.merges': ({ limit }) => Promise.resolve(mergeHistory(db(), limit)),
  };
}
