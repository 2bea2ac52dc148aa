import type { Engine } from '../../engine/index';

/** Small read-only look-ups in deployed BPMN XML (the engine's graph is not public). */
const xmlCache = new Map<string, string>();

async function xmlOf(engine: Engine, definitionId: string): Promise<string> {
  let xml = xmlCache.get(definitionId);
  if (!xml) {
    xml = (await engine.getDefinitionXml(definitionId)) ?? '';
    xmlCache.set(definitionId, xml);
  }
  return xml;
}

function elementBody(xml: string, elementId: string): string | null {
  const open = new RegExp(`<bpmn:(\\w+) id="${elementId.replace(/[^A-Za-z0-9_-]/g, '')}"[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[2] === '/') return '';
  const close = xml.indexOf(`</bpmn:${open[1]}>`, open.index);
  return close < 0 ? '' : xml.slice(open.index, close);
}

/** The message start event of the latest version of `key` listening to `messageName`. */
export async function messageStartEventId(engine: Engine, key: string, messageName: string): Promise<string | null> {
  // the latest global version (a district variant may hold the key's highest version number)
  const page = await engine.listDefinitions({ key, latestOnly: false, limit: 1, filter: (qb) => qb.where('jurisdiction_code', 'is', null) });
  const latest = page.items.filter((d) => d.key === key && d.jurisdiction_code === null).sort((a, b) => b.version - a.version)[0];
  if (!latest) return null;
  const xml = await xmlOf(engine, latest.id);
  const message = new RegExp(`<bpmn:message id="([^"]+)" name="${messageName}"`).exec(xml);
  if (!message) return null;
  for (const m of xml.matchAll(/<bpmn:startEvent id="([^"]+)"/g)) {
    const body = elementBody(xml, m[1]) ?? '';
    if (body.includes(`messageRef="${message[1]}"`) && !isInsideSubProcess(xml, m.index ?? 0)) return m[1];
  }
  return null;
}

function isInsideSubProcess(xml: string, at: number): boolean {
  const before = xml.slice(0, at);
  return (before.match(/<bpmn:subProcess\b/g)?.length ?? 0) > (before.match(/<\/bpmn:subProcess>/g)?.length ?? 0);
}
