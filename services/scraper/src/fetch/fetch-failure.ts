import { redactUrl } from '@swarm/http-guard';
import { TaskError } from '@swarm/transport/errors';
import { isRetryableStatus, SCRAPE_ERROR_CODES } from '../domain/errors.js';

// Transport failures (timeouts, refused addresses, limits) are classified by `@swarm/http-guard`; only the
// scraper's reading of HTTP statuses lives here.
export { isError } from '@swarm/http-guard';

/** The TaskError for a non-2xx final status: `http-<status>`, retryable for 408, 429 and 5xx. Pure. */
export function statusFailure(status: number, url: URL): TaskError {
  const code = SCRAPE_ERROR_CODES.http(status);
  const message = `${redactUrl(url)} answered http ${status}`;
  return isRetryableStatus(status) ? TaskError.retryable(code, message) : TaskError.permanent(code, message);
}
