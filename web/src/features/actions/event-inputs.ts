/**
 * The inputs each event's request takes (API contract: `POST …/transitions`), so that a dialog asks for exactly
 * those. Whether an event may be fired at all is never decided here: the buttons come from
 * `GET …/transitions` (the state machine and the caller's role, as the API reports them), and the API's guards
 * answer 422 with field errors, shown under each field.
 */
export type InputField = 'reason' | 'items' | 'note' | 'recommendation' | 'checklist' | 'decisionNumber' | 'until';

export interface EventInputs {
  required: InputField[];
  optional: InputField[];
  /** Destructive or final: the confirm button is red. */
  danger?: boolean;
}

const NONE: EventInputs = { required: [], optional: [] };

export const APPLICATION_EVENT_INPUTS: Record<string, EventInputs> = {
  START_REVIEW: NONE,
  CONFIRM_COMPLETE: NONE,
  REQUEST_SUPPLEMENT: { required: ['items', 'reason'], optional: [] },
  RETURN: { required: ['reason'], optional: [], danger: true },
  RECOMMEND: { required: ['recommendation', 'checklist'], optional: ['note'] },
  APPROVE: NONE,
  REJECT: { required: ['reason'], optional: [], danger: true },
  SEND_BACK: { required: ['note'], optional: [] },
};

export const LICENSE_EVENT_INPUTS: Record<string, EventInputs> = {
  SUSPEND: { required: ['until', 'reason', 'decisionNumber'], optional: [], danger: true },
  REINSTATE: { required: [], optional: ['reason', 'decisionNumber'] },
  REVOKE: { required: ['reason'], optional: ['decisionNumber'], danger: true },
};

/** An event the table does not know (added to a machine later) is offered with no inputs; the API still judges. */
export function inputsOf(table: Record<string, EventInputs>, event: string): EventInputs {
  return table[event] ?? NONE;
}
