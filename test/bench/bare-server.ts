// The bare-framework baseline, in its own process as our server is: Fastify and a pg pool on the
// owner's connection, no token, no transaction, no row-level security, no zod. It answers the SQL
// it was started with (GET /query/:name, as JSON rows) and inserts a row per POST /rows.
// Started by startBareServer in http.ts; BARE_QUERIES is a JSON object {name: {sql, params}}.
import Fastify from "fastify";
import pg from "pg";

const queries = JSON.parse(process.env.BARE_QUERIES ?? "{}") as Record<string, { sql: string; params: unknown[] }>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(
  "CREATE TABLE IF NOT EXISTS bench_rows (id bigserial primary key, body text not null, created_at timestamptz not null default now())",
);
const app = Fastify();
app.get("/healthz", async () => ({ ok: true }));
app.get<{ Params: { name: string } }>("/query/:name", async (request) => {
  const query = queries[request.params.name];
  return { items: (await pool.query(query.sql, query.params)).rows };
});
app.post("/rows", async (request, reply) => {
  await pool.query("INSERT INTO bench_rows (body) VALUES ($1)", [JSON.stringify(request.body)]);
  return reply.status(201).send({ ok: true });
});
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
