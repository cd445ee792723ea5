import type { HandlersOf } from '../../host/handler-types';
import type { Services } from '../../host/services';

export function sessionHandlers({ users }: Services): HandlersOf<'session'> {
  return {
    'session.current': async (_input, ctx) => ({ user: await users.get(ctx.userId) }),
  };
}

export function usersHandlers({ users }: Services): HandlersOf<'users'> {
  return {
    'users.list': () => users.listActive(),
  };
}
