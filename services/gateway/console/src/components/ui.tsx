import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { goalLabel } from '../lib/labels';

// The first page after loading leaves the focus where the browser put it (so Tab reaches the skip link first).
let firstPage = true;

/**
 * A page's heading; when the user moves to another page it takes the focus, so a screen reader announces the new
 * page and Tab continues from there.
 */
export function PageTitle({ children }: { readonly children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A goal's state as a coloured badge with words (colour is never the only signal). */
export function StateBadge({
  state,
  outcome,
}: {
  readonly state: string;
  readonly outcome?: string | null | undefined;
}) {
  const label = goalLabel(state, outcome);
  return <span class={`badge tone-${label.tone}`}>{label.text}</span>;
}

/** An error (from the API, or a form's own check), read out when it appears. */
export function ErrorNotice({ error }: { readonly error: Error | string | undefined }) {
  if (!error) return null;
  return (
    <p class="notice notice-error" role="alert">
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}

/** A table's header row: one column header per name. */
export function TableHead({ columns }: { readonly columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th scope="col" key={column}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One term and its description in a `<dl class="facts">`. */
export function Fact({ term, children }: { readonly term: string; readonly children: ComponentChildren }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A wide table that scrolls sideways on a phone instead of overflowing the page. */
export function TableScroll({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ComponentChildren;
}) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
