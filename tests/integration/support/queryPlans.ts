import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../sync-server/storage/sql/schema';
import type { Dialect } from './sqlStorage';

/** Keeps every query a repository runs through it, as Kysely built it. */
class QueryCapture implements KyselyPlugin {
  readonly nodes: RootOperationNode[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push(args.node);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

const SqlitePlanRow = z.object({ detail: z.string() });
const PostgresPlanRow = z.object({ 'QUERY PLAN': z.string() });

/**
 * The plan each query of `run` gets, one text per query: what the database says it will do with the very
 * SQL and parameters the repository sends (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL).
 */
export async function queryPlans(
  db: Kysely<Database>,
  dialect: Dialect,
  run: (db: Kysely<Database>) => Promise<unknown>,
): Promise<string[]> {
  const capture = new QueryCapture();
  await run(db.withPlugin(capture));
  const plans: string[] = [];
  for (const [i, node] of capture.nodes.entries()) {
    const query = db.getExecutor().compileQuery(node, { queryId: `plan-${i}` });
    const explain = dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
    const { rows } = await db.executeQuery(CompiledQuery.raw(explain + query.sql, [...query.parameters]));
    const lines =
      dialect === 'sqlite'
        ? z
            .array(SqlitePlanRow)
            .parse(rows)
            .map((r) => r.detail)
        : z
            .array(PostgresPlanRow)
            .parse(rows)
            .map((r) => r['QUERY PLAN']);
    plans.push(lines.join('\n'));
  }
  return plans;
}
