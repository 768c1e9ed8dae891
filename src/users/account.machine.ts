import { defineMachine } from '../workflow/machine';

export const ACCOUNT_STATES = ['ACTIVE', 'DISABLED'] as const;
export const ACCOUNT_EVENTS = ['DISABLE', 'ENABLE'] as const;

/** A user account: an admin can disable it (its tokens stop working at once) and enable it again. */
export const accountMachine = defineMachine({
  name: 'account',
  entityType: 'user',
  stateField: 'state',
  states: ACCOUNT_STATES,
  initial: 'ACTIVE',
  final: [],
  events: ACCOUNT_EVENTS,
  transitions: [
    {
      from: ['ACTIVE'],
      event: 'DISABLE',
      to: 'DISABLED',
      roles: ['admin'],
      guards: ['notSelf'],
      description: 'Disable the account; an admin cannot disable their own',
    },
    { from: ['DISABLED'], event: 'ENABLE', to: 'ACTIVE', roles: ['admin'], description: 'Enable the account again' },
  ],
});
