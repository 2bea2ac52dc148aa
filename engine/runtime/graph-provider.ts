import type { ProcessGraph } from '../model/graph.types';

export interface ResolvedDefinition {
  id: string;
  key: string;
  graph: ProcessGraph;
}

/** Compiled graphs for the runtime; the command layer preloads those a command needs. */
export interface GraphProvider {
  graph(definitionId: string): ProcessGraph;
  /**
   * a called process by binding: latest / deployment (same deployment as the caller) / versionTag;
   * `callerScope` lets the host's resolver pick the version for the caller's jurisdiction (variants)
   */
  resolveCalled(processId: string, binding: string, versionTag: string | null, callerDefinitionId: string, callerScope: string | null): Promise<ResolvedDefinition>;
}
