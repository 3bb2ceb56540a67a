export { EXAMPLE_GOAL, EXAMPLE_GOAL_ID, exampleMessage, exampleMessages } from './examples.js';
export type { ExampleMessages } from './examples.js';
