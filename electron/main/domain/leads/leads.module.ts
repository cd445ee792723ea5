import type { DataSource } from 'typeorm';
import type { leadsContract } from '../../../../shared/contract/leads';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';

/** The leads module's services (filled in by the module). */
export type LeadsServices = Record<string, never>;

export function createLeadsServices(_dataSource: DataSource, _now: () => string): LeadsServices {
  return {};
}

export function leadsHandlers(_services: Services): ModuleHandlers<typeof leadsContract> {
  return {};
}
