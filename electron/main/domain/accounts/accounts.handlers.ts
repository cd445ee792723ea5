import type { HandlersOf } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { assignCreated } from '../territories/territories.module';

export function accountsHandlers(services: Services): HandlersOf<'accounts'> {
  const { accounts } = services;
  return {
    'accounts.create': async (input, ctx) => {
      let account = await accounts.create(ctx.em, input, ctx);
      // No owner chosen: the territory rules pick one, in this same transaction.
      if (input.ownerId === undefined && assignCreated(services, 'account', account.id, ctx)) account = await accounts.get(account.id, ctx.em);
      ctx.events.emit('record.changed', { entity: 'account', id: account.id, action: 'create' });
      return account;
    },
    'accounts.get': ({ id }) => accounts.get(id),
    'accounts.update': async ({ id, version, patch }, ctx) => {
      const account = await accounts.update(ctx.em, id, version, patch, ctx);
      ctx.events.emit('record.changed', { entity: 'account', id, action: 'update' });
      return account;
    },
    'accounts.delete': async ({ id }, ctx) => {
      const result = await accounts.delete(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'account', id, action: 'delete' });
      return result;
    },
    'accounts.restore': async ({ id }, ctx) => {
      const account = await accounts.restore(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'account', id, action: 'restore' });
      return account;
    },
    'accounts.list': (query) => accounts.list(query),
    'accounts.lookup': ({ text, limit }) => accounts.lookup(text, limit),
  };
}
