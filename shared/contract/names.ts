import type { EventName } from './events';
import type { MethodName } from './index';

/**
 * Every method's and event's name as plain strings. The preload and the
 * browser bridge need only these: importing them from the contract would
 * also bundle zod and every schema (≈1 MB of script the window parses before
 * anything else). The compiler holds these lists to the contract, both ways.
 */
export const METHOD_NAME_LIST = [
  'accounts.create', 'accounts.get', 'accounts.update', 'accounts.delete', 'accounts.restore', 'accounts.list',
  'accounts.lookup', 'contacts.create', 'contacts.get', 'contacts.update', 'contacts.delete', 'contacts.restore',
  'contacts.list', 'session.current', 'session.switch', 'users.list', 'users.listAll', 'users.create',
  'users.update', 'teams.list', 'teams.save', 'teams.delete', 'preferences.getGridState', 'preferences.setGridState',
  'audit.forRecord', 'leads.create', 'leads.get', 'leads.update', 'leads.delete', 'leads.restore', 'leads.list',
  'leads.rescore', 'leads.findDuplicates', 'leads.convert', 'leadScoring.listRules', 'leadScoring.saveRules',
  'opportunities.create', 'opportunities.get', 'opportunities.update', 'opportunities.delete',
  'opportunities.restore', 'opportunities.list', 'opportunities.move', 'opportunities.stageHistory',
  'opportunities.board', 'pipelines.list', 'pipelines.save', 'quotas.set', 'quotas.list', 'forecast.summary',
  'forecast.winLoss', 'activities.create', 'activities.get', 'activities.update', 'activities.delete',
  'activities.restore', 'activities.complete', 'activities.forRecord', 'activities.myDay', 'activities.exportIcs',
  'calendar.range', 'calendar.exportIcs', 'timeline.forRecord', 'search.global', 'taxClasses.list',
  'taxClasses.save', 'products.create', 'products.get', 'products.update', 'products.delete', 'products.restore',
  'products.list', 'products.lookup', 'products.checkConfiguration', 'priceBooks.list', 'priceBooks.save',
  'priceBooks.entries', 'priceBooks.setPrice', 'priceBooks.removePrice', 'quotes.create', 'quotes.get',
  'quotes.update', 'quotes.delete', 'quotes.list', 'quotes.submit', 'quotes.approve', 'quotes.rejectReview',
  'quotes.markSent', 'quotes.send', 'quotes.emailDraft', 'quotes.accept', 'quotes.decline', 'quotes.revise',
  'quotes.compare', 'quotes.history', 'quotes.generatePdf', 'attachments.content', 'attachments.saveAs',
  'territories.list', 'territories.save', 'territories.move', 'territories.delete', 'territories.countMatches',
  'assignment.getSettings', 'assignment.saveSettings', 'assignment.preview', 'assignment.apply', 'assignment.undo',
  'assignment.batches', 'assignment.history', 'assignment.queue', 'assignment.run', 'settings.getCompany',
  'settings.saveCompany', 'settings.getQuotes', 'settings.saveQuotes', 'mail.getSettings', 'mail.saveSettings',
  'mail.sendTest', 'imports.upload', 'imports.inspect', 'imports.preview', 'imports.run', 'imports.cancel',
  'imports.history', 'imports.undo', 'imports.errors', 'imports.savePreset', 'imports.deletePreset', 'exports.grid',
  'duplicates.scan', 'duplicates.merge', 'duplicates.unmerge', 'duplicates.merges', 'records.massUpdate',
  'records.undoMassUpdate', 'records.massUpdates', 'segments.count', 'segments.list', 'segments.get',
  'segments.save', 'segments.delete', 'segments.freeze', 'lists.list', 'lists.get', 'lists.create', 'lists.members',
  'lists.add', 'lists.remove', 'lists.delete', 'suppressions.list', 'suppressions.add', 'suppressions.remove',
  'jobs.list', 'jobs.counts', 'jobs.pause', 'jobs.resume', 'jobs.cancel', 'jobs.retry', 'campaigns.list',
  'campaigns.get', 'campaigns.create', 'campaigns.update', 'campaigns.saveJourney', 'campaigns.delete',
  'campaigns.setStatus', 'campaigns.enrol', 'campaigns.members', 'campaigns.progress', 'campaigns.preview',
  'campaigns.letters', 'campaigns.lettersMailed', 'campaigns.smsGateway', 'campaigns.saveSmsGateway',
  'campaigns.responses', 'campaigns.recordResponse', 'campaigns.deleteResponse', 'campaigns.importResponses',
  'calls.list', 'calls.record', 'campaigns.roi', 'tags.list', 'tags.create', 'tags.rename', 'tags.delete',
  'tags.forRecord', 'tags.set', 'tags.add', 'tags.remove', 'customFields.list', 'customFields.create',
  'customFields.update', 'customFields.delete', 'customFields.forRecord', 'customFields.setValues',
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof METHOD_NAME_LIST)[number]>;
// A method added to the contract but not here stops the build, naming it.
export const everyMethodListed: [Missing] extends [never] ? true : Missing = true;

export const EVENT_NAME_LIST = ['record.changed', 'records.reassigned', 'reminder.due', 'progress', 'jobs.progress'] as const satisfies readonly EventName[];

type MissingEvent = Exclude<EventName, (typeof EVENT_NAME_LIST)[number]>;
export const everyEventListed: [MissingEvent] extends [never] ? true : MissingEvent = true;
