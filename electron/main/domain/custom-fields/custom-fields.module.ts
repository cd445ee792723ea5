import type { customFieldsContract } from '../../../../shared/contract/custom-fields';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { CustomFieldsService } from './custom-fields.service';

export function createCustomFieldsServices(): CustomFieldsService {
  return new CustomFieldsService();
}

export function customFieldsHandlers(services: Services): ModuleHandlers<typeof customFieldsContract> {
  const { customFields } = services;
  return {
    'customFields.list': ({ entity }, ctx) => customFields.list(ctx.em, entity),
    'customFields.create': (input, ctx) => customFields.create(ctx.em, input, ctx),
    'customFields.update': (input, ctx) => customFields.update(ctx.em, input, ctx),
    'customFields.delete': ({ id }, ctx) => customFields.delete(ctx.em, id, ctx),
    'customFields.forRecord': ({ entity, recordId }, ctx) => customFields.forRecord(ctx.em, entity, recordId),
    'customFields.setValues': (input, ctx) => customFields.setValues(ctx.em, input, ctx),
  };
}
