import type { PaknClient } from '@pakn/api-client';

/**
 * Every query and mutation of the API as `{ path, input, output }`, read off the typed client, so that a fake
 * answer has to match what the real procedure returns (as JSON: the API has no transformer, so dates travel
 * as strings, which is what the client's types say too). Subscriptions are left out: they are not batched.
 */
type Procedures<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends { query: (input: infer I, ...rest: never[]) => Promise<infer O> }
    ? { path: `${Prefix}${K}`; input: I; output: O }
    : T[K] extends { mutate: (input: infer I, ...rest: never[]) => Promise<infer O> }
      ? { path: `${Prefix}${K}`; input: I; output: O }
      : T[K] extends { subscribe: unknown }
        ? never
        : Procedures<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

type AnyProcedure = Procedures<PaknClient>;

/** A procedure's dotted path, e.g. `unit.record`, `case.list`. */
export type ProcedurePath = AnyProcedure['path'];
/** What the client sends to a procedure. */
export type ProcedureInput<P extends ProcedurePath> = Extract<AnyProcedure, { path: P }>['input'];
/** What the procedure answers when it succeeds. */
export type ProcedureOutput<P extends ProcedurePath> = Extract<AnyProcedure, { path: P }>['output'];
