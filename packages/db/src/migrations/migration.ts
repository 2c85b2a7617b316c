export interface Migration {
  /** Strictly increasing; never reuse or edit an applied migration: add a new one. */
  readonly version: number;
  readonly name: string;
  /** One SQL statement per entry, so that no SQL splitter is needed. */
  readonly statements: readonly string[];
}
