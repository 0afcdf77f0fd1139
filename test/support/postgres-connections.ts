import pg from "pg";

/**
 * What a failover, a restart or an idle cut does to the bot: the server ends its connections.
 * Only those whose application_name is `applicationName` (each test names its own), and only
 * idle ones when asked, so a test can choose between a connection at rest and one mid-query.
 * Returns how many were ended.
 */
export async function dropConnections(baseUrl: string, applicationName: string, which: "idle" | "all" = "all"): Promise<number> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const result = await admin.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
        where application_name = $1 and pid <> pg_backend_pid() and ($2 = 'all' or state = 'idle')`,
      [applicationName, which],
    );
    return result.rows.filter((r) => r.ended).length;
  } finally {
    await admin.end();
  }
}

/** Waits until the named application holds at least `count` connections in the given state. */
export async function waitForConnections(
  baseUrl: string,
  applicationName: string,
  state: "idle" | "active" | "idle in transaction",
  count = 1,
): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { rows } = await admin.query<{ n: string }>(
        "select count(*) as n from pg_stat_activity where application_name = $1 and state = $2",
        [applicationName, state],
      );
      if (Number(rows[0]?.n ?? 0) >= count) return;
      if (Date.now() > deadline) throw new Error(`no ${state} connection of ${applicationName} appeared`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await admin.end();
  }
}

/** A fresh schema of its own and the DATABASE_URL that reaches it under `applicationName`. */
export async function freshPostgresSchema(baseUrl: string, schema: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  url.searchParams.set("application_name", schema);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}
