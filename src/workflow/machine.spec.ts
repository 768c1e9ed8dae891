import { defineMachine, describeMachine, eventsFrom, isEvent, toMermaid, transitionFor } from './machine';
import { MACHINE_CATALOG } from './machine-catalog';

const door = defineMachine({
  name: 'door',
  entityType: 'door',
  stateField: 'state',
  states: ['OPEN', 'CLOSED', 'LOCKED', 'GONE'] as const,
  initial: 'OPEN',
  final: ['GONE'],
  events: ['CLOSE', 'OPEN', 'LOCK', 'REMOVE'] as const,
  transitions: [
    { from: ['OPEN'], event: 'CLOSE', to: 'CLOSED', roles: ['site_owner', 'admin'] },
    { from: ['CLOSED'], event: 'OPEN', to: 'OPEN', roles: ['site_owner'] },
    { from: ['CLOSED'], event: 'LOCK', to: 'LOCKED', roles: ['admin'], guards: ['hasKey'] },
    { from: ['OPEN', 'CLOSED', 'LOCKED'], event: 'REMOVE', to: 'GONE', roles: ['system'] },
  ],
});

describe('state machine definitions', () => {
  it('finds the transition for a state and event', () => {
    expect(transitionFor(door, 'CLOSED', 'LOCK')?.to).toBe('LOCKED');
    expect(transitionFor(door, 'OPEN', 'LOCK')).toBeUndefined();
    expect(transitionFor(door, 'LOCKED', 'REMOVE')?.to).toBe('GONE');
  });

  it('lists the events a role may fire from a state', () => {
    expect(eventsFrom(door, 'CLOSED', 'site_owner')).toEqual(['OPEN']);
    expect(eventsFrom(door, 'CLOSED', 'admin')).toEqual(['LOCK']);
    expect(eventsFrom(door, 'GONE', 'admin')).toEqual([]);
    expect(eventsFrom(door, 'OPEN', 'anonymous')).toEqual([]);
  });

  it('knows its events', () => {
    expect(isEvent(door, 'LOCK')).toBe(true);
    expect(isEvent(door, 'lock')).toBe(false);
    expect(isEvent(door, 42)).toBe(false);
  });

  it.each([
    ['an unknown target', { to: 'NOWHERE' }, /target NOWHERE is not a state/],
    ['an unknown source', { from: ['NOWHERE'] }, /source NOWHERE is not a state/],
    ['an unknown event', { event: 'KICK' }, /event KICK is not an event/],
    ['no roles', { roles: [] }, /names no role/],
    ['a transition out of a final state', { from: ['GONE'] }, /final state GONE has an outgoing transition/],
  ])('refuses %s', (_, override, message) => {
    const bad = { from: ['OPEN'], event: 'CLOSE', to: 'CLOSED', roles: ['admin'], ...override };
    expect(() =>
      defineMachine({
        name: 'bad',
        entityType: 'bad',
        stateField: 'state',
        states: ['OPEN', 'CLOSED', 'GONE'],
        initial: 'OPEN',
        final: ['GONE'],
        events: ['CLOSE', 'KICK2'],
        transitions: [bad as never, { from: ['CLOSED'], event: 'KICK2', to: 'GONE', roles: ['admin'] }],
      }),
    ).toThrow(message);
  });

  it('refuses two transitions for one event from one state, and an event without a transition', () => {
    expect(() =>
      defineMachine({
        name: 'dup',
        entityType: 'dup',
        stateField: 'state',
        states: ['A', 'B'],
        initial: 'A',
        final: [],
        events: ['GO', 'IDLE'],
        transitions: [
          { from: ['A'], event: 'GO', to: 'B', roles: ['admin'] },
          { from: ['A'], event: 'GO', to: 'A', roles: ['admin'] },
        ],
      }),
    ).toThrow(/two transitions for GO from A.*event IDLE has no transition/);
  });

  it('renders Mermaid with one edge per source state and the final states', () => {
    const text = toMermaid(door);
    expect(text.split('\n')[0]).toBe('stateDiagram-v2');
    expect(text).toContain('    [*] --> OPEN');
    expect(text).toContain('    CLOSED --> LOCKED: LOCK (admin)');
    expect(text).toContain('    LOCKED --> GONE: REMOVE (system)');
    expect(text).toContain('    GONE --> [*]');
  });

  it('describes a machine for GET /state-machines, one transition per source', () => {
    const d = describeMachine(door);
    expect(d.transitions).toHaveLength(6);
    expect(d.transitions).toContainEqual({
      from: 'CLOSED',
      event: 'LOCK',
      to: 'LOCKED',
      roles: ['admin'],
      guards: ['hasKey'],
    });
  });

  it('every catalogued machine has a unique name and entity type', () => {
    const names = MACHINE_CATALOG.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('account');
  });
});
