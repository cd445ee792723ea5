import type { DataSource } from 'typeorm';
import type { searchContract } from '../../../../shared/contract/search';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';

/** The search module's services (filled in by the module). */
export type SearchServices = Record<string, never>;

export function createSearchServices(_dataSource: DataSource, _now: () => string): SearchServices {
  return {};
}

export function searchHandlers(_services: Services): ModuleHandlers<typeof searchContract> {
  return {};
}
