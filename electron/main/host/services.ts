import type { DataSource } from 'typeorm';
import { AccountsService } from '../domain/accounts/accounts.service';
import { createActivitiesServices, type ActivitiesServices } from '../domain/activities/activities.module';
import { createLeadsServices, type LeadsServices } from '../domain/leads/leads.module';
import { createOpportunitiesServices, type OpportunitiesServices } from '../domain/opportunities/opportunities.module';
import { createSearchServices, type SearchServices } from '../domain/search/search.module';
import { AuditService } from '../domain/audit/audit.service';
import { ContactsService } from '../domain/contacts/contacts.service';
import { PreferencesService } from '../domain/preferences/preferences.service';
import { UsersService } from '../domain/users/users.service';

export interface Services {
  accounts: AccountsService;
  contacts: ContactsService;
  users: UsersService;
  preferences: PreferencesService;
  audit: AuditService;
  leads: LeadsServices;
  opportunities: OpportunitiesServices;
  activities: ActivitiesServices;
  search: SearchServices;
}

export function createServices(dataSource: DataSource, now: () => string): Services {
  return {
    accounts: new AccountsService(dataSource),
    contacts: new ContactsService(dataSource),
    users: new UsersService(dataSource, now),
    preferences: new PreferencesService(dataSource),
    audit: new AuditService(dataSource),
    leads: createLeadsServices(dataSource, now),
    opportunities: createOpportunitiesServices(dataSource, now),
    activities: createActivitiesServices(dataSource, now),
    search: createSearchServices(dataSource, now),
  };
}
