export { createWorkController } from './work-controller.js';
export type { WorkObserver } from './work-controller.js';
export { WorkTask, workTask } from './work-task.js';
export type { WorkTaskInput } from './work-task.js';
export { generateOperatorJwts } from './operator-jwts.js';
export type { OperatorAccountSpec, OperatorJwts, OperatorUserSpec } from './operator-jwts.js';
