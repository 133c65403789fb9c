import { AppError } from './errors.ts';

// A lifecycle is data: which actions move a thing from which states to which state.
// Modules declare theirs in `<area>.states.ts`; the dashboard asks `actionsFrom()` so that it
// shows only what the table allows, and `transition()` (modules/timeline) refuses the rest.

export interface Lifecycle<S extends string, A extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly finalStates: readonly S[];
  readonly table: Readonly<Record<A, { from: readonly S[]; to: S }>>;
  can(state: S, action: A): boolean;
  next(state: S, action: A): S;
  actionsFrom(state: S): A[];
  isFinal(state: S): boolean;
}

export function defineLifecycle<S extends string, A extends string>(definition: {
  name: string;
  states: readonly S[];
  finalStates: readonly S[];
  table: Record<A, { from: readonly S[]; to: S }>;
}): Lifecycle<S, A> {
  const { name, states, finalStates, table } = definition;
  const actions = Object.keys(table) as A[];
  return {
    name,
    states,
    finalStates,
    table,
    can: (state, action) => table[action]?.from.includes(state) ?? false,
    next(state, action) {
      const rule = table[action];
      if (!rule) throw new AppError('INVALID_TRANSITION', `${name}: "${action}" is not an action.`);
      if (!rule.from.includes(state)) {
        const allowed = actions.filter((a) => table[a].from.includes(state));
        throw new AppError(
          'INVALID_TRANSITION',
          `Cannot ${action.replaceAll('_', ' ')} a ${name} that is ${state.replaceAll('_', ' ')}` +
            (allowed.length ? `; allowed now: ${allowed.join(', ')}.` : '; it is final.'),
        );
      }
      return rule.to;
    },
    actionsFrom: (state) => actions.filter((a) => table[a].from.includes(state)),
    isFinal: (state) => finalStates.includes(state),
  };
}
