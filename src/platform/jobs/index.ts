export {
  type EnqueueOptions,
  type JobContext,
  type JobHandler,
  JobQueue,
  type JobQueueOptions,
  type JobRow,
} from './job-queue.ts';
export { Lease, leaseHolderName } from './lease.ts';
