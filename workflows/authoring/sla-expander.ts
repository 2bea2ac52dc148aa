import { deadlineById } from '../deadlines';
import { cd, hours, sla, wd } from './dsl';
import type { FlowSpec, NodeSpec, ProcessSpec } from './model';

/** Warning time derived from a relative due date: one unit earlier (4 hours for 1-working-day tasks). */
function deriveWarn(due: string): string | null {
  const m = /^=add (working days|calendar days|hours)\(now\(\), (\d+)\)$/.exec(due);
  if (!m) return null;
  const n = Number(m[2]);
  if (m[1] === 'working days') return n > 1 ? wd(n - 1) : hours(4);
  if (m[1] === 'calendar days') return n > 1 ? cd(n - 1) : hours(12);
  return hours(Math.max(1, n - 4));
}

/**
 * Adds the SLA pair (warn before, escalate after; DESIGN.md §8) to every user task carrying a legal
 * deadline of DOMAIN.md §8 that does not have one yet — unless its enclosing subprocess already
 * watches the same deadline, or the deadline is a cycle or a term rather than a time limit.
 */
function expandScope(nodes: NodeSpec[], flows: FlowSpec[], scopeDeadline?: string): { nodes: NodeSpec[]; flows: FlowSpec[] } {
  const outNodes: NodeSpec[] = [];
  const outFlows: FlowSpec[] = [...flows];
  const hasTimer = new Set(nodes.filter((n) => n.type === 'boundaryEvent' && n.timer).map((n) => n.attachedTo));
  for (const n of nodes) {
    const inner = n.children ? expandScope(n.children, n.flows ?? [], n.deadline ?? scopeDeadline) : undefined;
    outNodes.push(inner ? { ...n, children: inner.nodes, flows: inner.flows } : n);
    if (n.type !== 'userTask' || !n.deadline || !n.due || hasTimer.has(n.id) || n.deadline === scopeDeadline) continue;
    const kind = deadlineById.get(n.deadline)?.kind ?? 'within';
    if (kind === 'every' || kind === 'term') continue;
    const warn = n.warnAt ?? deriveWarn(n.due);
    if (!warn) throw new Error(`${n.id}: cannot derive the SLA warning from ${n.due}; set warnAt`);
    const s = sla(n.id, n.deadline, warn, n.due);
    outNodes.push(...s.nodes);
    outFlows.push(...s.flows);
  }
  return { nodes: outNodes, flows: outFlows };
}

export function withSla(p: ProcessSpec): ProcessSpec {
  const { nodes, flows } = expandScope(p.nodes, p.flows);
  return { ...p, nodes, flows };
}
