import { randomUUID } from 'node:crypto';
import type { duplicatesContract } from '../../../../shared/contract/duplicates';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { mergeContacts, unmergeContacts } from './merge-contacts';
import { mergeHistory } from './merge-history';

/*
 * Decisions:
 * - The scan reads every live record of a kind in the import worker (its own connection, the window stays
 *   responsive); it writes nothing, so it needs no write lock.
 * - Merge keeps the survivor's id (links from outside the CRM, e-mails quoting it, keep working) and sends the others
 *   to the recycle bin rather than deleting them: un-merge brings them back exactly.
 * - Consent is never lost in a merge: an e-mail opt-out or do-not-call on any of the records holds for the survivor.
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
    'duplicates.mergeContacts': async (input, ctx) => {
      const mergeId = mergeContacts(db(), input, { userId: ctx.userId, now: ctx.now() });
      for (const id of [input.survivorId, ...input.mergedIds]) ctx.events.emit('record.changed', { entity: 'contact', id, action: id === input.survivorId ? 'update' : 'delete' });
      return { mergeId, survivor: await services.contacts.get(input.survivorId, ctx.em) };
    },
    'duplicates.unmerge': (input, ctx) => {
      const restoredIds = unmergeContacts(db(), input.mergeId, { userId: ctx.userId, now: ctx.now() });
      for (const id of restoredIds) ctx.events.emit('record.changed', { entity: 'contact', id, action: 'restore' });
      return Promise.resolve({ mergeId: input.mergeId, restoredIds });
    },
    'duplicates.merges': ({ limit }) => Promise.resolve(mergeHistory(db(), limit)),
  };
}
