import { CrmError } from '../../../../shared/errors';
import type { HandlersOf } from '../../host/handler-types';
import type { Services } from '../../host/services';

export function sessionHandlers({ users }: Services): HandlersOf<'session'> {
  return {
    'session.current': async (_input, ctx) => ({ user: await users.get(ctx.userId) }),
    'session.switch': async ({ userId }, ctx) => {
      const user = await users.get(userId);
      if (!user.active) throw new CrmError('validation', `${user.name} is no longer active.`, [{ path: 'userId', message: 'Inactive user' }]);
      ctx.switchUser(user.id);
      return { user };
    },
  };
}

export function usersHandlers({ users }: Services): HandlersOf<'users'> {
  return {
    'users.list': () => users.listActive(),
    'users.listAll': ({ includeInactive }) => users.listAll(includeInactive),
    'users.create': (input, ctx) => users.create(ctx.em, input, ctx),
    'users.update': ({ id, patch }, ctx) => users.update(ctx.em, id, patch, ctx),
  };
}
