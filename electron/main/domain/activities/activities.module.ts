import type { DataSource } from 'typeorm';
import type { activitiesContract } from '../../../../shared/contract/activities';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';

/** The activities module's services (filled in by the module). */
export type ActivitiesServices = Record<string, never>;

export function createActivitiesServices(_dataSource: DataSource, _now: () => string): ActivitiesServices {
  return {};
}

export function activitiesHandlers(_services: Services): ModuleHandlers<typeof activitiesContract> {
  return {};
}
