import type { FlowSpec, NodeSpec } from './model';
import { flowId } from './model';

export interface Box { x: number; y: number; w: number; h: number }
export interface Layout { shapes: Map<string, Box>; edges: Map<string, { x: number; y: number }[]>; w: number; h: number }

const GAP_X = 50;
const GAP_Y = 60;
const PAD = 30;

export function sizeOf(n: NodeSpec): { w: number; h: number } {
  if (n.type.endsWith('Gateway')) return { w: 50, h: 50 };
  if (n.type.endsWith('Event')) return { w: 36, h: 36 };
  return { w: 120, h: 80 };
}

/** Lays out one scope (process or subprocess) left to right; coordinates relative to (0,0). */
export function layoutScope(nodes: NodeSpec[], flows: FlowSpec[]): Layout {
  const shapes = new Map<string, Box>();
  const edges = new Map<string, { x: number; y: number }[]>();
  const boundaries = nodes.filter((n) => n.type === 'boundaryEvent');
  const eventSubs = nodes.filter((n) => n.type === 'subProcess' && n.triggeredByEvent);
  const main = nodes.filter((n) => n.type !== 'boundaryEvent' && !(n.type === 'subProcess' && n.triggeredByEvent));
  const sizes = new Map<string, { w: number; h: number; inner?: Layout }>();
  for (const n of main) {
    if (n.type === 'subProcess') {
      const inner = layoutScope(n.children ?? [], n.flows ?? []);
      sizes.set(n.id, { w: inner.w + 2 * PAD, h: inner.h + 2 * PAD, inner });
    } else sizes.set(n.id, sizeOf(n));
  }
  const hostOf = new Map(boundaries.map((b) => [b.id, b.attachedTo ?? '']));
  const src = (id: string) => hostOf.get(id) ?? id;
  const order = new Map(main.map((n, i) => [n.id, i]));
  const out = new Map<string, FlowSpec[]>();
  for (const f of flows) out.set(src(f.from), [...(out.get(src(f.from)) ?? []), f]);

  // back edges by DFS from sources in declaration order
  const incoming = new Set(flows.map((f) => f.to));
  const back = new Set<FlowSpec>();
  const state = new Map<string, number>();
  const dfs = (id: string) => {
    state.set(id, 1);
    for (const f of out.get(id) ?? []) {
      const s = state.get(f.to);
      if (s === 1) back.add(f);
      else if (!s) dfs(f.to);
    }
    state.set(id, 2);
  };
  for (const n of main) if (!incoming.has(n.id)) dfs(n.id);
  for (const n of main) if (!state.get(n.id)) dfs(n.id);

  // longest-path layers
  const layer = new Map<string, number>(main.map((n) => [n.id, 0]));
  for (let changed = true, guard = 0; changed && guard < 500; guard++) {
    changed = false;
    for (const f of flows) {
      if (back.has(f)) continue;
      const l = (layer.get(src(f.from)) ?? 0) + 1;
      if (l > (layer.get(f.to) ?? 0)) { layer.set(f.to, l); changed = true; }
    }
  }
  // longest remaining path: the longest continuation of a split keeps the row of its source
  const height = new Map<string, number>();
  const heightOf = (id: string): number => {
    if (height.has(id)) return height.get(id)!;
    height.set(id, 0);
    const next = flows.filter((f) => f.from === id && !back.has(f)).map((f) => heightOf(f.to) + 1);
    height.set(id, Math.max(0, ...next));
    return height.get(id)!;
  };
  const rank = (p: string, f: FlowSpec): number => {
    const siblings = (out.get(p) ?? [])
      .filter((g) => !back.has(g) && hostOf.has(g.from) === hostOf.has(f.from))
      .map((g, i) => ({ g, i, h: heightOf(g.to) }))
      .sort((a, b) => b.h - a.h || a.i - b.i)
      .map((x) => x.g);
    return Math.max(0, siblings.indexOf(f));
  };
  // rows
  const row = new Map<string, number>();
  const used = new Set<string>();
  const sorted = [...main].sort((a, b) => layer.get(a.id)! - layer.get(b.id)! || order.get(a.id)! - order.get(b.id)!);
  for (const n of sorted) {
    let desired = 0;
    const preds = flows.filter((f) => f.to === n.id && !back.has(f) && row.has(src(f.from)));
    if (preds.length) {
      desired = Math.min(...preds.map((f) => {
        const p = src(f.from);
        return row.get(p)! + rank(p, f) + (hostOf.has(f.from) ? 1 : 0);
      }));
    }
    let r = desired;
    while (used.has(`${layer.get(n.id)}:${r}`)) r++;
    row.set(n.id, r);
    used.add(`${layer.get(n.id)}:${r}`);
  }
  const nLayers = Math.max(0, ...layer.values()) + 1;
  const nRows = Math.max(0, ...row.values()) + 1;
  const colW = Array(nLayers).fill(36) as number[];
  const rowH = Array(nRows).fill(36) as number[];
  for (const n of main) {
    const s = sizes.get(n.id)!;
    colW[layer.get(n.id)!] = Math.max(colW[layer.get(n.id)!], s.w);
    rowH[row.get(n.id)!] = Math.max(rowH[row.get(n.id)!], s.h);
  }
  const backCount = [...back].length;
  const top = 20 + backCount * 12;
  const colX: number[] = [];
  let acc = 20;
  for (const w of colW) { colX.push(acc); acc += w + GAP_X; }
  const rowY: number[] = [];
  let accY = top;
  for (const h of rowH) { rowY.push(accY); accY += h + GAP_Y; }
  for (const n of main) {
    const s = sizes.get(n.id)!;
    const l = layer.get(n.id)!;
    const r = row.get(n.id)!;
    const box = { x: colX[l] + (colW[l] - s.w) / 2, y: rowY[r] + (rowH[r] - s.h) / 2, w: s.w, h: s.h };
    shapes.set(n.id, box);
    if (s.inner) {
      for (const [id, b] of s.inner.shapes) shapes.set(id, { ...b, x: b.x + box.x + PAD, y: b.y + box.y + PAD });
      for (const [id, pts] of s.inner.edges) edges.set(id, pts.map((p) => ({ x: p.x + box.x + PAD, y: p.y + box.y + PAD })));
    }
  }
  let width = acc;
  let bottom = accY;
  // boundary events on the host's bottom edge
  const perHost = new Map<string, number>();
  for (const b of boundaries) {
    const host = shapes.get(b.attachedTo ?? '');
    if (!host) throw new Error(`boundary ${b.id}: host ${b.attachedTo} not in scope`);
    const i = perHost.get(b.attachedTo!) ?? 0;
    perHost.set(b.attachedTo!, i + 1);
    shapes.set(b.id, { x: host.x + 6 + i * 40, y: host.y + host.h - 18, w: 36, h: 36 });
  }
  // edges
  const blocked = (from: string, to: string): boolean => {
    const r = row.get(from);
    for (let l = layer.get(from)! + 1; l < layer.get(to)!; l++) if (used.has(`${l}:${r}`)) return true;
    return false;
  };
  let channel = 0;
  for (const f of flows) {
    const s = shapes.get(f.from)!;
    const t = shapes.get(f.to)!;
    if (!s || !t) throw new Error(`flow ${flowId(f)}: unknown end`);
    const fromNode = nodes.find((n) => n.id === f.from)!;
    const toNode = nodes.find((n) => n.id === f.to)!;
    const scy = s.y + s.h / 2, tcy = t.y + t.h / 2, scx = s.x + s.w / 2, tcx = t.x + t.w / 2;
    let pts: { x: number; y: number }[];
    if (back.has(f)) {
      const viaTop = row.get(src(f.from)) === 0 && fromNode.type !== 'boundaryEvent';
      channel++;
      const y = viaTop ? top - 10 - channel * 10 : bottom - GAP_Y + 10 + channel * 10;
      if (!viaTop) bottom = Math.max(bottom, y + 20);
      pts = [{ x: scx, y: viaTop ? s.y : s.y + s.h }, { x: scx, y }, { x: tcx, y }, { x: tcx, y: viaTop ? t.y : t.y + t.h }];
    } else if (fromNode.type === 'boundaryEvent') {
      pts = [{ x: scx, y: s.y + s.h }, { x: scx, y: tcy }, { x: t.x, y: tcy }];
    } else if (Math.abs(scy - tcy) < 1 && blocked(src(f.from), f.to)) {
      // skips columns on the same row: detour through the gap below the row
      const r = row.get(src(f.from))!;
      const y = rowY[r] + rowH[r] + 24;
      pts = [{ x: scx, y: s.y + s.h }, { x: scx, y }, { x: tcx, y }, { x: tcx, y: t.y + t.h }];
    } else if (Math.abs(scy - tcy) < 1) {
      pts = [{ x: s.x + s.w, y: scy }, { x: t.x, y: tcy }];
    } else if (fromNode.type.endsWith('Gateway')) {
      pts = [{ x: scx, y: tcy > scy ? s.y + s.h : s.y }, { x: scx, y: tcy }, { x: t.x, y: tcy }];
    } else if (toNode.type.endsWith('Gateway')) {
      pts = [{ x: s.x + s.w, y: scy }, { x: tcx, y: scy }, { x: tcx, y: scy > tcy ? t.y + t.h : t.y }];
    } else {
      const mx = s.x + s.w + GAP_X / 2;
      pts = [{ x: s.x + s.w, y: scy }, { x: mx, y: scy }, { x: mx, y: tcy }, { x: t.x, y: tcy }];
    }
    edges.set(flowId(f), pts);
  }
  // event subprocesses below
  let ex = 20;
  let maxH = 0;
  for (const e of eventSubs) {
    const inner = layoutScope(e.children ?? [], e.flows ?? []);
    const box = { x: ex, y: bottom, w: inner.w + 2 * PAD, h: inner.h + 2 * PAD };
    shapes.set(e.id, box);
    for (const [id, b] of inner.shapes) shapes.set(id, { ...b, x: b.x + box.x + PAD, y: b.y + box.y + PAD });
    for (const [id, pts] of inner.edges) edges.set(id, pts.map((p) => ({ x: p.x + box.x + PAD, y: p.y + box.y + PAD })));
    ex += box.w + GAP_X;
    maxH = Math.max(maxH, box.h);
  }
  width = Math.max(width, ex);
  if (eventSubs.length) bottom += maxH + GAP_Y;
  return { shapes, edges, w: width, h: bottom };
}
