import type { Response } from 'express';
import type { ProblemAnswer } from './problem.js';

/** Writes a problem answer: status, its headers, `application/problem+json` body. */
export function sendProblem(response: Response, problem: ProblemAnswer): void {
  response.status(problem.status);
  for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
  response.type('application/problem+json').send(JSON.stringify(problem.body));
}
