import type { HandlersOf } from '../../host/handler-types';
import type { Services } from '../../host/services';

export function preferencesHandlers({ preferences }: Services): HandlersOf<'preferences'> {
  return {
    'preferences.getGridState': async ({ grid }, ctx) => ({ grid, columns: await preferences.getGridState(ctx.userId, grid) }),
    'preferences.setGridState': async (state, ctx) => {
      await preferences.setGridState(ctx.em, ctx.userId, state, ctx.now());
      return state;
    },
  };
}
