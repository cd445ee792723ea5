import type { HandlersOf } from '../../host/handler-types';
import type { Services } from '../../host/services';

/** teams.*: the office's teams (services.teams is a TeamsService). */
export function teamsHandlers({ teams }: Services): HandlersOf<'teams'> {
  return {
    'teams.list': () => teams.list(),
    'teams.save': (input, ctx) => teams.save(ctx.em, input, ctx),
    'teams.delete': ({ id }, ctx) => teams.delete(ctx.em, id, ctx),
  };
}
