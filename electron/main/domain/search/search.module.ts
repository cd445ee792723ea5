import type { DataSource } from 'typeorm';
import type { searchContract } from '../../../../shared/contract/search';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { SearchService } from './search.service';

/** The search module's services: `services.search.global(query)`. */
export type SearchServices = SearchService;

export function createSearchServices(dataSource: DataSource, _now: () => string): SearchServices {
  return new SearchService(dataSource);
}

export function searchHandlers({ search }: Services): ModuleHandlers<typeof searchContract> {
  return {
    'search.global': (input) => search.global(input),
  };
}
