import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Route } from '../lib/route';
import { parseRoute } from '../lib/route';

/** The route in `location.hash`, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** What an async load gave: the value, the error, whether it is loading, and a way to load again now. */
export interface Loaded<T> {
  readonly value: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Loads `load()` when `key` changes and again every `everyMs` (when given) while the page is shown; a slow load
 * that a newer one overtook is dropped.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  everyMs?: number,
): Loaded<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    setValue(undefined);
    setError(undefined);
  }, [key]);
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (v) => {
        if (controller.signal.aborted) return;
        setValue(v);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
    const timer = everyMs === undefined ? undefined : setTimeout(reload, everyMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, tick, everyMs, reload]);
  return { value, error, loading, reload };
}
