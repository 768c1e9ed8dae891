import { describeMachine, MachineDefinition, toMermaid } from './machine';

/** docs/state-machines.md, generated from the machine definitions (the test fails when the file is stale). */
export function renderStateMachinesDoc(machines: readonly MachineDefinition[]): string {
  const parts = [
    '# State machines',
    '',
    '<!-- Generated from src/**/*.machine.ts by `npm run docs:state-machines`. Do not edit by hand. -->',
    '',
    'Every lifecycle is data (`*.machine.ts`) applied by one engine (`src/workflow/workflow.engine.ts`). The same',
    'definitions are served by `GET /api/v1/state-machines` and `GET /api/v1/state-machines/{name}?format=mermaid`.',
    'Each edge reads `EVENT (roles that may fire it)`; `system` is the scheduler.',
    '',
  ];
  for (const m of machines) {
    const d = describeMachine(m);
    parts.push(`## ${m.name}`, '');
    parts.push(`States: ${d.states.map((s) => `\`${s}\``).join(', ')}. Initial: \`${d.initial}\`.`);
    parts.push(`Lifecycle field: \`${m.stateField}\`. History and audit entity type: \`${m.entityType}\`.`, '');
    parts.push('```mermaid', toMermaid(m).trimEnd(), '```', '');
    parts.push('| from | event | to | roles | guards |', '|---|---|---|---|---|');
    for (const t of d.transitions) {
      parts.push(`| ${t.from} | ${t.event} | ${t.to} | ${t.roles.join(', ')} | ${t.guards?.join(', ') ?? ''} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}
