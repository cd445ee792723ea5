import type { HandlersOf } from '../../host/handler-types';
import type { Services } from '../../host/services';

export function contactsHandlers({ contacts }: Services): HandlersOf<'contacts'> {
  return {
    'contacts.create': async (input, ctx) => {
      const contact = await contacts.create(ctx.em, input, ctx);
      ctx.events.emit('record.changed', { entity: 'contact', id: contact.id, action: 'create' });
      return contact;
    },
    'contacts.get': ({ id }) => contacts.get(id),
    'contacts.update': async ({ id, version, patch }, ctx) => {
      const contact = await contacts.update(ctx.em, id, version, patch, ctx);
      ctx.events.emit('record.changed', { entity: 'contact', id, action: 'update' });
      return contact;
    },
    'contacts.delete': async ({ id }, ctx) => {
      const result = await contacts.delete(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'contact', id, action: 'delete' });
      return result;
    },
    'contacts.restore': async ({ id }, ctx) => {
      const contact = await contacts.restore(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'contact', id, action: 'restore' });
      return contact;
    },
    'contacts.list': (query) => contacts.list(query),
  };
}
