import { canonicalSourceType } from './digital-source-type.ts';
import {
  agentName,
  array,
  assertionsOf,
  isActionsLabel,
  isObject,
  type JsonObject,
  STORE_LIMITS,
  text,
} from './store-json.ts';

/**
 * The actions one manifest declares, read from every actions assertion (`c2pa.actions`, `c2pa.actions.v2`,
 * `__N` instances), with the digitalSourceType taken from the action or, failing that, from a parameter whose
 * key ends in `digitalSourceType` (Adobe writes `com.adobe.digitalSourceType` on `c2pa.opened` when Firefly used
 * a partner model). C2PA 2.2 §18.14: https://spec.c2pa.org/specifications/specifications/2.2/specs/C2PA_Specification.html#_actions
 */

export interface ManifestAction {
  action: string;
  /** Canonical URI (see digital-source-type.ts), from the action's field or a parameter. */
  digitalSourceType?: string;
  /** Where the digitalSourceType was found, for the evidence text. */
  sourceTypeFrom?: 'field' | 'parameter';
  softwareAgent?: string;
  /** The label of the assertion the action sits in, e.g. `c2pa.actions.v2__1`. */
  assertion: string;
}

export interface ManifestActions {
  actions: ManifestAction[];
  /** Number of actions assertions in the manifest. */
  assertions: number;
  /** True when an actions assertion declares `allActionsIncluded: true` (C2PA 2.2 §18.14.3). */
  allActionsIncluded: boolean;
}

function parameterSourceType(parameters: unknown): string | undefined {
  if (!isObject(parameters)) return undefined;
  for (const [key, value] of Object.entries(parameters).slice(0, 50)) {
    if (!/digitalsourcetype$/i.test(key)) continue;
    const found = canonicalSourceType(value);
    if (found) return found;
  }
  return undefined;
}

function actionOf(raw: unknown, agents: unknown[], assertion: string): ManifestAction | undefined {
  if (!isObject(raw)) return undefined;
  const name = text(raw.action);
  if (!name) return undefined;
  const out: ManifestAction = { action: name, assertion };
  const field = canonicalSourceType(raw.digitalSourceType);
  const fromParameters = field ? undefined : parameterSourceType(raw.parameters);
  if (field) {
    out.digitalSourceType = field;
    out.sourceTypeFrom = 'field';
  } else if (fromParameters) {
    out.digitalSourceType = fromParameters;
    out.sourceTypeFrom = 'parameter';
  }
  // Actions v2 may point into the assertion's softwareAgents list instead of naming the agent.
  const index = raw.softwareAgentIndex;
  const agent =
    agentName(raw.softwareAgent) ??
    (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < agents.length
      ? agentName(agents[index])
      : undefined);
  if (agent) out.softwareAgent = agent;
  return out;
}

export function manifestActions(manifest: JsonObject): ManifestActions {
  const out: ManifestActions = { actions: [], assertions: 0, allActionsIncluded: false };
  for (const { label, data } of assertionsOf(manifest)) {
    if (!isActionsLabel(label)) continue;
    out.assertions += 1;
    if (data.allActionsIncluded === true) out.allActionsIncluded = true;
    const agents = array(data.softwareAgents, 50);
    for (const raw of array(data.actions)) {
      if (out.actions.length >= STORE_LIMITS.actionsPerManifest) return out;
      const action = actionOf(raw, agents, label);
      if (action) out.actions.push(action);
    }
  }
  return out;
}
