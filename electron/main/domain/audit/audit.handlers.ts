import type { HandlersOf } from '../../host/handler-types';
import type { Services } from '../../host/services';

export function auditHandlers({ audit }: Services): HandlersOf<'audit'> {
  return {
    'audit.forRecord': ({ entity, id, limit }) => audit.forRecord(entity, id, limit),
  };
}
