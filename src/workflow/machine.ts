import type { Role } from '../auth/roles';

/** Who may fire a transition: a role, or `system` for the scheduler. */
export type TransitionActor = Role | 'system';

export interface Transition<S extends string = string, E extends string = string> {
  from: readonly S[];
  event: E;
  to: S;
  roles: readonly TransitionActor[];
  /** Names of the guards checked before the transition (422 with the guard's code when one fails). */
  guards?: readonly string[];
  /** One line for the documentation. */
  description?: string;
}

/**
 * A lifecycle as data (conventions: "Each lifecycle is data"). The same definition drives the engine,
 * `GET /state-machines` and the Mermaid diagrams in docs/.
 */
export interface MachineDefinition<S extends string = string, E extends string = string> {
  /** Public name, e.g. `application`. */
  name: string;
  /** `entity_type` in history and audit rows. */
  entityType: string;
  /** `state` on most entities; `status` on licenses (the registry's word). */
  stateField: 'state' | 'status';
  states: readonly S[];
  initial: S;
  /** States no transition leaves. */
  final: readonly S[];
  events: readonly E[];
  transitions: readonly Transition<S, E>[];
}

/** Checks a definition's internal consistency once, at load time. */
export function defineMachine<S extends string, E extends string>(
  def: MachineDefinition<S, E>,
): MachineDefinition<S, E> {
  const states = new Set<string>(def.states);
  const events = new Set<string>(def.events);
  const problems: string[] = [];
  if (!states.has(def.initial)) problems.push(`initial state ${def.initial} is not a state`);
  for (const f of def.final) if (!states.has(f)) problems.push(`final state ${f} is not a state`);
  const seen = new Set<string>();
  for (const t of def.transitions) {
    if (!events.has(t.event)) problems.push(`transition event ${t.event} is not an event`);
    if (!states.has(t.to)) problems.push(`transition target ${t.to} is not a state`);
    if (t.roles.length === 0) problems.push(`transition ${t.event} names no role`);
    for (const f of t.from) {
      if (!states.has(f)) problems.push(`transition source ${f} is not a state`);
      if (def.final.includes(f)) problems.push(`final state ${f} has an outgoing transition ${t.event}`);
      const key = `${f}:${t.event}`;
      if (seen.has(key)) problems.push(`two transitions for ${t.event} from ${f}`);
      seen.add(key);
    }
  }
  for (const e of def.events) {
    if (!def.transitions.some((t) => t.event === e)) problems.push(`event ${e} has no transition`);
  }
  if (problems.length) throw new Error(`State machine ${def.name} is inconsistent: ${problems.join('; ')}`);
  return Object.freeze(def);
}

/** The transition an event takes from a state, if any. */
export function transitionFor<S extends string, E extends string>(
  machine: MachineDefinition<S, E>,
  from: S,
  event: string,
): Transition<S, E> | undefined {
  return machine.transitions.find((t) => t.event === event && t.from.includes(from));
}

/** Events the given role may fire from the state (guards and per-record rules not considered). */
export function eventsFrom<S extends string, E extends string>(
  machine: MachineDefinition<S, E>,
  from: S,
  role: TransitionActor | 'anonymous',
): E[] {
  return machine.transitions
    .filter((t) => t.from.includes(from) && (t.roles as readonly string[]).includes(role))
    .map((t) => t.event);
}

export function isEvent<E extends string>(machine: MachineDefinition<string, E>, event: unknown): event is E {
  return typeof event === 'string' && (machine.events as readonly string[]).includes(event);
}

/** `stateDiagram-v2` text for a machine: one line per (source, event). */
export function toMermaid(machine: MachineDefinition): string {
  const lines = ['stateDiagram-v2', `    [*] --> ${machine.initial}`];
  for (const t of machine.transitions) {
    for (const f of t.from) lines.push(`    ${f} --> ${t.to}: ${t.event} (${t.roles.join(', ')})`);
  }
  for (const f of machine.final) lines.push(`    ${f} --> [*]`);
  return lines.join('\n') + '\n';
}

/** The JSON form served by `GET /state-machines`. */
export function describeMachine(machine: MachineDefinition) {
  return {
    name: machine.name,
    states: [...machine.states],
    initial: machine.initial,
    final: [...machine.final],
    events: [...machine.events],
    transitions: machine.transitions.flatMap((t) =>
      t.from.map((from) => ({
        from,
        event: t.event,
        to: t.to,
        roles: [...t.roles],
        ...(t.guards?.length ? { guards: [...t.guards] } : {}),
        ...(t.description ? { description: t.description } : {}),
      })),
    ),
  };
}
