import { accountsHandlers } from '../domain/accounts/accounts.handlers';
import { activitiesHandlers } from '../domain/activities/activities.module';
import { leadsHandlers } from '../domain/leads/leads.module';
import { opportunitiesHandlers } from '../domain/opportunities/opportunities.module';
import { searchHandlers } from '../domain/search/search.module';
import { catalogHandlers } from '../domain/catalog/catalog.module';
import { quotesHandlers } from '../domain/quotes/quotes.module';
import { territoriesHandlers } from '../domain/territories/territories.module';
import { settingsHandlers } from '../domain/settings/settings.module';
import { mailHandlers } from '../mail/mail.module';
import { importsHandlers } from '../domain/imports/imports.module';
import { exportsHandlers } from '../domain/exports/exports.module';
import { duplicatesHandlers } from '../domain/duplicates/duplicates.module';
import { massUpdateHandlers } from '../domain/mass-update/mass-update.module';
import { auditHandlers } from '../domain/audit/audit.handlers';
import { contactsHandlers } from '../domain/contacts/contacts.handlers';
import { preferencesHandlers } from '../domain/preferences/preferences.handlers';
import { sessionHandlers, usersHandlers } from '../domain/users/users.handlers';
import { teamsHandlers } from '../domain/teams/teams.handlers';
import { segmentsHandlers } from '../domain/segments/segments.module';
import { jobsHandlers } from '../jobs/jobs.module';
import { campaignsHandlers } from '../domain/campaigns/campaigns.module';
import { campaignResultsHandlers } from '../domain/campaigns/campaign-results.handlers';
import { tagsHandlers } from '../domain/tags/tags.module';
import { customFieldsHandlers } from '../domain/custom-fields/custom-fields.module';
import type { AllHandlers } from './handler-types';
import type { Services } from './services';

/** Every contract method's handler; a method without one does not compile. */
export function createHandlers(services: Services): AllHandlers {
  return {
    ...accountsHandlers(services),
    ...contactsHandlers(services),
    ...sessionHandlers(services),
    ...usersHandlers(services),
    ...teamsHandlers(services),
    ...preferencesHandlers(services),
    ...auditHandlers(services),
    ...leadsHandlers(services),
    ...opportunitiesHandlers(services),
    ...activitiesHandlers(services),
    ...searchHandlers(services),
    ...catalogHandlers(services),
    ...quotesHandlers(services),
    ...territoriesHandlers(services),
    ...settingsHandlers(services),
    ...mailHandlers(services),
    ...importsHandlers(services),
    ...exportsHandlers(services),
    ...duplicatesHandlers(services),
    ...massUpdateHandlers(services),
    ...segmentsHandlers(services),
    ...jobsHandlers(services),
    ...campaignsHandlers(services),
    ...campaignResultsHandlers(services),
    ...tagsHandlers(services),
    ...customFieldsHandlers(services),
  };
}
