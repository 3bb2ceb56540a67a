/** What a tool name may be (the providers' rule). */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

function kindOf(sourceName: string): string {
  const colon = sourceName.indexOf(':');
  const kind = (colon < 0 ? sourceName : sourceName.slice(0, colon)).replace(/[^a-zA-Z0-9_-]+/g, '_');
  return kind.replace(/^_+|_+$/g, '').slice(0, 40) || 'source';
}

/**
 * The tool name of each source, in order: `search_<kind>` for a source that is the only one of its kind and
 * has no target (`corpus` → `search_corpus`), else `search_<kind>_<n>` numbered per kind from 1
 * (`feed:https://…` → `search_feed_1`). Every name matches {@link TOOL_NAME_PATTERN} and is unique. Pure.
 */
export function sourceToolNames(sources: readonly { readonly name: string }[]): string[] {
  const kinds = sources.map((source) => kindOf(source.name));
  const seen = new Map<string, number>();
  const used = new Set<string>();
  return sources.map((source, i) => {
    const kind = kinds[i] ?? 'source';
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    const alone = kinds.filter((k) => k === kind).length === 1 && !source.name.includes(':');
    let name = alone ? `search_${kind}` : `search_${kind}_${n}`;
    for (let extra = 2; used.has(name); extra++) name = `search_${kind}_${n}_${extra}`;
    used.add(name);
    return name;
  });
}
