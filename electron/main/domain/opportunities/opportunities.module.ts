import type { DataSource } from 'typeorm';
import type { opportunitiesContract } from '../../../../shared/contract/opportunities';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';

/** The opportunities module's services (filled in by the module). */
export type OpportunitiesServices = Record<string, never>;

export function createOpportunitiesServices(_dataSource: DataSource, _now: () => string): OpportunitiesServices {
  return {};
}

export function opportunitiesHandlers(_services: Services): ModuleHandlers<typeof opportunitiesContract> {
  return {};
}
