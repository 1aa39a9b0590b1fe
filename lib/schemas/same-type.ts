/** Flattens an intersection into one object type, so two spellings of the same shape compare equal. */
type Flat<T> = T extends object ? { [K in keyof T]: T[K] } : T;

/**
 * `true` only when A and B are the same type (optional fields included, which mutual assignability would
 * miss). Used to pin a schema's inferred type to the interface it describes: a drift fails `tsc`.
 */
export type SameType<A, B> =
  (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false;
