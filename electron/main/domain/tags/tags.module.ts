import type { tagsContract } from '../../../../shared/contract/tags';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { TagsService } from './tags.service';

export function createTagsServices(): TagsService {
  return new TagsService();
}

export function tagsHandlers(services: Services): ModuleHandlers<typeof tagsContract> {
  const { tags } = services;
  return {
    'tags.list': ({ search }, ctx) => tags.list(ctx.em, search),
    'tags.create': (input, ctx) => tags.create(ctx.em, input, ctx),
    'tags.rename': (input, ctx) => tags.rename(ctx.em, input, ctx),
    'tags.delete': ({ id }, ctx) => tags.delete(ctx.em, id, ctx),
    'tags.forRecord': ({ entity, recordId }, ctx) => tags.forRecord(ctx.em, entity, recordId),
    'tags.set': (input, ctx) => tags.set(ctx.em, input, ctx),
    'tags.add': (input, ctx) => tags.add(ctx.em, input),
    'tags.remove': (input, ctx) => tags.remove(ctx.em, input),
  };
}
