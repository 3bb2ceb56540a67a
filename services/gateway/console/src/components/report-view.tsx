import type { ApiClient } from '../lib/api';
import { useLoad } from './hooks';
import { ErrorNotice } from './ui';

/**
 * A report: the HTML one in a sandboxed frame (`srcdoc`, no scripts, no same-origin access), and the Markdown as
 * text. Both are fetched with the user's token, since a frame's `src` could not send it.
 */
export function ReportView({
  api,
  markdownUrl,
  htmlUrl,
  title,
}: {
  readonly api: ApiClient;
  readonly markdownUrl: string | undefined;
  readonly htmlUrl: string | undefined;
  readonly title: string;
}) {
  const html = useLoad(
    (signal) => (htmlUrl ? api.text(htmlUrl, signal) : Promise.resolve(undefined)),
    htmlUrl ?? '',
  );
  const markdown = useLoad(
    (signal) => (markdownUrl ? api.text(markdownUrl, signal) : Promise.resolve(undefined)),
    markdownUrl ?? '',
  );
  return (
    <div class="report">
      <ErrorNotice error={html.error ?? markdown.error} />
      {html.value !== undefined && (
        <iframe
          class="report-frame"
          title={title}
          sandbox=""
          srcdoc={html.value}
          referrerpolicy="no-referrer"
        />
      )}
      {markdown.value !== undefined &&
        (html.value === undefined ? (
          <pre class="report-text" aria-label={title} tabIndex={0}>
            {markdown.value}
          </pre>
        ) : (
          <details>
            <summary>Markdown</summary>
            <pre class="report-text" tabIndex={0}>
              {markdown.value}
            </pre>
          </details>
        ))}
      {(html.loading || markdown.loading) && html.value === undefined && markdown.value === undefined && (
        <p class="muted">Loading the report…</p>
      )}
    </div>
  );
}
