/** A field of a change as clients give it: left out (undefined), cleared (null), or a value. */
export type Maybe<T> = T | null | undefined;
