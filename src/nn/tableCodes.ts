/**
 * Codes, ids and counts derived from a table of entries with ids: an entry's code is its
 * position, so nothing is numbered by hand. Shared by the activation and output-head tables.
 */

/** Any table: a tuple of entries, each with a literal id. */
export type Table = readonly { readonly id: string }[];

/** The ids of a table's entries, in order, as a tuple of literal ids. */
export type IdsOf<T extends Table> = { readonly [K in keyof T]: T[K]['id'] };

/**
 * Each entry's code (its position), keyed by id, as literal numbers: `codesOf(table).tanh` is
 * the type `1` when tanh is second, and a type error when there is no tanh.
 */
export type CodesOf<T extends Table> = {
  readonly [K in keyof T & `${number}` as T[K]['id']]: K extends `${infer N extends number}`
    ? N
    : never;
};

/** The ids of `table`, in order. */
export function idsOf<T extends Table>(table: T): IdsOf<T> {
  // The cast: `map` over a tuple returns a plain array type, though the entries line up.
  return Object.freeze(table.map((entry) => entry.id)) as unknown as IdsOf<T>;
}

/** The code of every entry of `table`, keyed by id; throws on a repeated id. */
export function codesOf<T extends Table>(table: T): CodesOf<T> {
  const codes: Record<string, number> = {};
  table.forEach(({ id }, code) => {
    // Own-property check: `in` would also find "toString" and the like on the prototype.
    if (Object.hasOwn(codes, id)) throw new Error(`the id "${id}" appears twice in a table`);
    codes[id] = code;
  });
  return Object.freeze(codes) as unknown as CodesOf<T>;
}
