/** A query-string value as the API client takes it: empty, null and undefined are left out. */
export type QueryValue = string | number | boolean | undefined | null | string[];

/** `path?key=value…` exactly as every API request (and the early requests of index.html) spells it. */
export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
