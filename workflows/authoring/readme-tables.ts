import type { NodeSpec, ProcessSpec } from './model';

const all = (ns: NodeSpec[]): NodeSpec[] => ns.flatMap((n) => [n, ...all(n.children ?? [])]);
const code = (xs: (string | undefined)[]): string => xs.map((x) => `\`${x}\``).join(', ') || '—';

/** The generated part of workflows/README.md: per procedure, its user tasks, forms, groups and due dates. */
export function readmeTables(processes: ProcessSpec[]): string {
  const out: string[] = [];
  for (const p of processes) {
    const nodes = all(p.nodes);
    const isThrow = (n: NodeSpec) => n.type === 'intermediateThrowEvent' || n.type === 'endEvent';
    const deadlines = [...new Set(nodes.map((n) => n.deadline).filter((d): d is string => Boolean(d)))]
      .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    out.push(`### ${p.id}`, '');
    out.push(`- Deadlines: ${deadlines.join(', ')}`);
    out.push(`- Messages in: ${code([...new Set(nodes.filter((n) => n.message && !isThrow(n)).map((n) => n.message))])}`);
    out.push(`- Messages out: ${code([...new Set(nodes.filter((n) => n.message && isThrow(n)).map((n) => n.message))])}`);
    out.push(`- Calls: ${code([...new Set(nodes.map((n) => n.calledElement).filter(Boolean))])}`);
    out.push(`- Job types: ${code([...new Set(nodes.map((n) => n.job).filter(Boolean))])}`, '');
    out.push('| User task | Form | Candidate group | Due | Deadline |', '|---|---|---|---|---|');
    for (const t of nodes.filter((n) => n.type === 'userTask')) {
      out.push(`| ${t.id} — ${t.name} | \`${t.form}\` | \`${t.groups}\` | \`${t.due}\` | ${t.deadline ?? ''} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const README_MARKER = '## Generated detail: user tasks, forms, groups and due dates\n';
