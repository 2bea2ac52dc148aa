/**
 * Turns ajv's raw `allErrors` output into what a person filling the form should see:
 * - a failed `oneOf`/`anyOf` reports the errors of every member; keep only the member the data most
 *   likely meant (no `const`/`enum` mismatch — the discriminator matched — then fewest errors) and
 *   drop the combinator's own error when that member has errors of its own;
 * - drop `if` wrapper errors ("must match then"), the branch's own errors say what is wrong;
 * - drop "not part of the form" on a property that has errors of its own (at it or further down):
 *   it is only unevaluated because its branch failed on those errors.
 * Used by the server (toIssues) and the browser validator (transformErrors).
 */
export interface RefinableError {
  keyword: string;
  schemaPath: string;
  /** JSON pointer of the field concerned. */
  path: string;
}

const UNKNOWN = new Set(['unevaluatedProperties', 'additionalProperties']);

export function refineErrors<T>(items: readonly T[], view: (item: T) => RefinableError): T[] {
  let list = [...items];
  const combinators = list.filter((item) => ['oneOf', 'anyOf'].includes(view(item).keyword));
  for (const combinator of combinators) {
    if (!list.includes(combinator)) continue;
    const base = `${view(combinator).schemaPath}/`;
    const members = new Map<string, T[]>();
    for (const item of list) {
      const { schemaPath } = view(item);
      if (!schemaPath.startsWith(base)) continue;
      const index = schemaPath.slice(base.length).split('/')[0];
      members.set(index, [...(members.get(index) ?? []), item]);
    }
    if (members.size === 0) continue;
    const score = (errors: T[]) =>
      (errors.some((e) => ['const', 'enum'].includes(view(e).keyword)) ? 1_000_000 : 0) + errors.length;
    const [bestIndex] = [...members.entries()].reduce((a, b) => (score(b[1]) < score(a[1]) ? b : a));
    const dropped = new Set<T>();
    for (const [index, errors] of members) if (index !== bestIndex) errors.forEach((e) => dropped.add(e));
    if ((members.get(bestIndex)?.length ?? 0) > 0) dropped.add(combinator);
    list = list.filter((item) => !dropped.has(item));
  }
  if (list.some((item) => view(item).keyword !== 'if')) list = list.filter((item) => view(item).keyword !== 'if');
  list = list.filter((item) => {
    const { keyword, path } = view(item);
    if (!UNKNOWN.has(keyword)) return true;
    return !list.some((other) => {
      if (other === item) return false;
      const o = view(other);
      return o.path.startsWith(`${path}/`) || (o.path === path && !UNKNOWN.has(o.keyword));
    });
  });
  return list;
}
