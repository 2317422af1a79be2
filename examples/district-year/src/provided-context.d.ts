declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the PostgreSQL server of this run (store-postgres's global setup). */
    pgUrl: string;
  }
}

export {};
