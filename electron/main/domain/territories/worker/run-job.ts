import type { MoveSession } from '../engine/move-session';
import type { Progress } from '../engine/plan-moves';
import type { AssignmentJob } from './assignment-job';

/** One job on a session: the worker's loop, or a caller that runs the engine in-process (the bench). */
export function runJob(session: MoveSession, job: AssignmentJob, progress: Progress): unknown {
  switch (job.op) {
    case 'preview':
      return session.preview(job.plan, progress);
    case 'apply':
      return session.apply(job.plan, job.previewToken, job, progress);
    case 'undo':
      return session.undo(job.batchId, job, progress);
    case 'countMatches':
      return session.countMatches(job.parentId, job.rules);
  }
}
