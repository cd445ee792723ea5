import type { DataSource } from 'typeorm';
import type { opportunitiesContract } from '../../../../shared/contract/opportunities';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { BoardService } from './board.service';
import { ForecastService } from './forecast.service';
import { OpportunitiesService } from './opportunities.service';
import { PipelinesService } from './pipelines.service';

/** The opportunities module: opportunities, pipelines, the board, quotas and the forecast. */
export interface OpportunitiesServices {
  opportunities: OpportunitiesService;
  pipelines: PipelinesService;
  board: BoardService;
  forecast: ForecastService;
}

export function createOpportunitiesServices(dataSource: DataSource, _now: () => string): OpportunitiesServices {
  return {
    opportunities: new OpportunitiesService(dataSource),
    pipelines: new PipelinesService(dataSource),
    board: new BoardService(dataSource),
    forecast: new ForecastService(dataSource),
  };
}

export function opportunitiesHandlers({ opportunities: m }: Services): ModuleHandlers<typeof opportunitiesContract> {
  const { opportunities, pipelines, board, forecast } = m;
  return {
    'opportunities.create': async (input, ctx) => {
      const created = await opportunities.create(ctx.em, input, ctx);
      ctx.events.emit('record.changed', { entity: 'opportunity', id: created.id, action: 'create' });
      return created;
    },
    'opportunities.get': ({ id }) => opportunities.get(id),
    'opportunities.update': async ({ id, version, patch }, ctx) => {
      const updated = await opportunities.update(ctx.em, id, version, patch, ctx);
      ctx.events.emit('record.changed', { entity: 'opportunity', id, action: 'update' });
      return updated;
    },
    'opportunities.delete': async ({ id }, ctx) => {
      const result = await opportunities.delete(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'opportunity', id, action: 'delete' });
      return result;
    },
    'opportunities.restore': async ({ id }, ctx) => {
      const restored = await opportunities.restore(ctx.em, id, ctx);
      ctx.events.emit('record.changed', { entity: 'opportunity', id, action: 'restore' });
      return restored;
    },
    'opportunities.list': (query) => opportunities.list(query),
    'opportunities.move': async (input, ctx) => {
      const moved = await opportunities.move(ctx.em, input, ctx);
      ctx.events.emit('record.changed', { entity: 'opportunity', id: input.id, action: 'update' });
      return moved;
    },
    'opportunities.stageHistory': ({ id }) => opportunities.stageHistory(id),
    'opportunities.board': ({ pipelineId, ownerId, limit }) => board.board(pipelineId, ownerId, limit),
    'pipelines.list': ({ includeInactive }) => pipelines.list(includeInactive),
    'pipelines.save': (input, ctx) => pipelines.save(ctx.em, input, ctx),
    'quotas.set': (input, ctx) => forecast.setQuota(ctx.em, input, ctx),
    'quotas.list': (q) => forecast.quotas(q),
    'forecast.summary': (q) => forecast.summary(q),
    'forecast.winLoss': (q) => forecast.winLoss(q),
  };
}
