import type { DataSource } from 'typeorm';
import { AccountsService } from '../domain/accounts/accounts.service';
import { createActivitiesServices, type ActivitiesServices } from '../domain/activities/activities.module';
import { createLeadsServices, type LeadsServices } from '../domain/leads/leads.module';
import { createOpportunitiesServices, type OpportunitiesServices } from '../domain/opportunities/opportunities.module';
import { createSearchServices, type SearchServices } from '../domain/search/search.module';
import { createCatalogServices, type CatalogServices } from '../domain/catalog/catalog.module';
import { createQuotesServices, type QuotesServices } from '../domain/quotes/quotes.module';
import type { SaveFile } from '../domain/attachments/attachments.service';
import { createSettingsServices, type SettingsServices } from '../domain/settings/settings.module';
import { createTerritoriesServices, type TerritoriesServices } from '../domain/territories/territories.module';
import { createMailServices, type MailServices } from '../mail/mail.module';
import { createImportsServices, type ImportsServices } from '../domain/imports/imports.module';
import type { SecretCipher } from '../mail/secret-cipher';
import { AuditService } from '../domain/audit/audit.service';
import { ContactsService } from '../domain/contacts/contacts.service';
import { PreferencesService } from '../domain/preferences/preferences.service';
import { UsersService } from '../domain/users/users.service';
import { TeamsService } from '../domain/teams/teams.service';
import { createSegmentsServices, type SegmentsServices } from '../domain/segments/segments.module';
import { createJobsServices, type JobsServices } from '../jobs/jobs.module';
import { createCampaignsServices, type CampaignsServices } from '../domain/campaigns/campaigns.module';
import { createTagsServices } from '../domain/tags/tags.module';
import type { TagsService } from '../domain/tags/tags.service';
import { createCustomFieldsServices } from '../domain/custom-fields/custom-fields.module';
import type { CustomFieldsService } from '../domain/custom-fields/custom-fields.service';

export interface Services {
  accounts: AccountsService;
  contacts: ContactsService;
  users: UsersService;
  teams: TeamsService;
  preferences: PreferencesService;
  audit: AuditService;
  leads: LeadsServices;
  opportunities: OpportunitiesServices;
  activities: ActivitiesServices;
  search: SearchServices;
  catalog: CatalogServices;
  settings: SettingsServices;
  mail: MailServices;
  quotes: QuotesServices;
  territories: TerritoriesServices;
  imports: ImportsServices;
  segments: SegmentsServices;
  /** The native Save dialog in the app; absent elsewhere (files come back as bytes). */
  saveFile: SaveFile | undefined;
  /** The durable scheduler: kinds, the job store, and (once started by the host) this process's runner. */
  jobs: JobsServices;
  campaigns: CampaignsServices;
  tags: TagsService;
  customFields: CustomFieldsService;
}

export interface ServiceOptions {
  /** Encrypts stored secrets (the SMTP password): the OS key store in the app, a local key file elsewhere. */
  secrets: SecretCipher;
  /** The native save dialog; without one, files are downloaded through attachments.content. */
  saveFile?: SaveFile | undefined;
  /** Where the PDF fonts are; defaults to resources/fonts found from the running code. */
  fontDir?: string | undefined;
  /** The database file and native binding, for workers that open their own connection. */
  database: string;
  nativeBinding?: string | undefined;
}

export function createServices(dataSource: DataSource, now: () => string, options: ServiceOptions): Services {
  const settings = createSettingsServices(dataSource);
  const opportunities = createOpportunitiesServices(dataSource, now);
  const mail = createMailServices(dataSource, { cipher: options.secrets });
  const jobs = createJobsServices(dataSource, now, { cipher: options.secrets });
  return {
    accounts: new AccountsService(dataSource),
    contacts: new ContactsService(dataSource),
    users: new UsersService(dataSource, now),
    teams: new TeamsService(dataSource),
    preferences: new PreferencesService(dataSource),
    audit: new AuditService(dataSource),
    leads: createLeadsServices(dataSource, now),
    opportunities,
    activities: createActivitiesServices(dataSource, now),
    search: createSearchServices(dataSource, now),
    catalog: createCatalogServices(dataSource),
    settings,
    mail,
    quotes: createQuotesServices(dataSource, {
      settings: settings.store,
      opportunities: opportunities.opportunities,
      saveFile: options.saveFile,
      fontDir: options.fontDir,
    }),
    territories: createTerritoriesServices(dataSource, { database: options.database, nativeBinding: options.nativeBinding ?? null }),
    imports: createImportsServices(dataSource, { database: options.database, nativeBinding: options.nativeBinding ?? null }),
    segments: createSegmentsServices(),
    saveFile: options.saveFile,
    jobs,
    campaigns: createCampaignsServices(dataSource, { jobs, mail, fontDir: options.fontDir }),
    tags: createTagsServices(),
    customFields: createCustomFieldsServices(),
  };
}
