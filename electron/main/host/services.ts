import type { DataSource } from 'typeorm';
import { AccountsService } from '../domain/accounts/accounts.service';
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
}

export function createServices(dataSource: DataSource, now: () => string): Services {
  return {
    accounts: new AccountsService(dataSource),
    contacts: new ContactsService(dataSource),
    users: new UsersService(dataSource, now),
    preferences: new PreferencesService(dataSource),
    audit: new AuditService(dataSource),
  };
}
