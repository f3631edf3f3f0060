import { Hono } from 'hono';
import { ordersCsvQuerySchema } from '../../shared/api/adminOrdersCsv';
import type { TokenService } from '../auth/tokens';
import { outletZone } from '../catalog/outletZone';
import { orderRecord, ordersCsvFilename, ordersCsvHeader } from '../export/ordersCsv';
import type { Logger } from '../log';
import type { ExportCursor, ExportFilter, OrderExport } from '../storage/orderExport';
import type { OutletRepo } from '../storage/outletRepo';
import type { DocRegistry } from '../sync/docRegistry';
import { requireAdmin } from './bearer';
import { queryParams } from './validate';

export interface AdminOrdersCsvRouteDeps {
  readonly tokens: TokenService;
  readonly exports: OrderExport;
  readonly outlets: OutletRepo;
  readonly registry: DocRegistry;
  readonly log: Logger;
}

/** Rows read per page: a few hundred KiB of CSV in memory at most, whatever the range. */
const PAGE = 500;
/** Spreadsheets (Excel) read UTF-8 only with a byte-order mark; other readers skip it. */
const BOM = '\uFEFF';

/**
 * `GET /api/admin/orders.csv?from=&to=[&outletId=]` (admins): the orders of a range as a download,
 * streamed a page at a time as the client takes it (see shared/api/adminOrdersCsv.ts).
 */
export function adminOrdersCsvRoutes(deps: AdminOrdersCsvRouteDeps): Hono {
  return new Hono().get('/orders.csv', async (c) => {
    await requireAdmin(c, deps.tokens, 'The orders export');
    const query = queryParams(c, ordersCsvQuerySchema);
    const filter: ExportFilter = { from: query.from, to: query.to, outletId: query.outletId ?? null };
    const zones = new Map<string, string>();
    for (const { id } of await deps.outlets.list()) zones.set(id, await outletZone(deps.registry, id));
    const encoder = new TextEncoder();
    let cursor: ExportCursor | null = null;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(BOM + ordersCsvHeader()));
      },
      // The stream asks for the next page only once the client has taken enough of this one.
      async pull(controller) {
        try {
          const rows = await deps.exports.next(filter, cursor, PAGE);
          const last = rows.at(-1);
          if (!last) {
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(rows.map((r) => orderRecord(r, zones.get(r.outlet_id) ?? 'UTC')).join('')));
          cursor = { createdAt: last.created_at, id: last.id };
        } catch (err: unknown) {
          // The status line is sent: all the client can be told is a cut-off download.
          deps.log.error('orders export failed midway', { error: String(err) });
          controller.error(err);
        }
      },
    });
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${ordersCsvFilename(query.from, query.to)}"`,
      'Cache-Control': 'private, no-store',
    });
  });
}
