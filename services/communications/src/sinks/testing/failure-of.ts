import { TaskError } from '@swarm/transport/errors';

/** The TaskError a sink's delivery fails with; throws when it succeeds or fails with anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<TaskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TaskError) return error;
    throw error;
  }
  throw new Error('expected the delivery to fail');
}
