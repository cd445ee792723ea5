import type { DataSource } from 'typeorm';
import { CompanyProfile, QuoteSettings, type settingsContract } from '../../../../shared/contract/settings';
import { CrmError } from '../../../../shared/errors';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { requireRole } from '../users/require-role';
import { AppSettingsStore } from './app-settings.store';
import { logoFileProblem } from './logo-file';
import { COMPANY_KEY, QUOTES_KEY } from './settings-keys';


export interface SettingsServices {
  store: AppSettingsStore;
}

export function createSettingsServices(dataSource: DataSource): SettingsServices {
  return { store: new AppSettingsStore(dataSource) };
}

export function settingsHandlers(services: Services): ModuleHandlers<typeof settingsContract> {
  const { store } = services.settings;
  return {
    'settings.getCompany': () => store.read(COMPANY_KEY, CompanyProfile),
    'settings.saveCompany': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ['admin'], 'change the company profile');
      if (input.logoPath) {
        const problem = await logoFileProblem(input.logoPath);
        if (problem) throw new CrmError('validation', problem, [{ path: 'logoPath', message: problem }]);
      }
      await store.write(ctx.em, COMPANY_KEY, input, ctx.userId, ctx.now());
      return input;
    },
    'settings.getQuotes': () => store.read(QUOTES_KEY, QuoteSettings),
    'settings.saveQuotes': async (input, ctx) => {
      await requireRole(ctx.em, ctx.userId, ['admin'], 'change the quote settings');
      await store.write(ctx.em, QUOTES_KEY, input, ctx.userId, ctx.now());
      return input;
    },
  };
}
