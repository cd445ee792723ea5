import { randomUUID } from 'node:crypto';
import type { exportsContract } from '../../../../shared/contract/exports';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { exportGrid } from './export-grid';

export function exportsHandlers(services: Services): ModuleHandlers<typeof exportsContract> {
  return {
    'exports.grid': async (input, ctx) => {
      const taskId = input.taskId ?? randomUUID();
      let done = 0;
      try {
        return await exportGrid(services, input, { saveFile: services.saveFile, progress: (rows) => ctx.progress({ taskId, label: 'Exporting', done: (done = rows), total: null, finished: false }) });
      } finally {
        ctx.progress({ taskId, label: 'Done', done, total: done, finished: true });
      }
    },
  };
}
