/** The two databases the one query layer runs on. */
export type Dialect = "sqlite" | "postgres";
