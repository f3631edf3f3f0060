import type { SelectType } from 'kysely';
import type { Database } from '../../../sync-server/storage/sql/schema';

type Kind<V> = V extends Uint8Array ? 'blob' : V extends number ? 'number' : V extends string ? 'text' : never;
/** What schema.ts says a column reads back as: its kind, with `?` when it may be NULL. */
type ColumnKind<V> = null extends V ? `${Kind<NonNullable<V>>}?` : Kind<V>;

export type SchemaColumns = {
  readonly [T in keyof Database]: { readonly [C in keyof Database[T]]-?: ColumnKind<SelectType<Database[T][C]>> };
};

/**
 * schema.ts spelled out as values: the compiler holds this to the Database interface (every table and
 * column, each kind and nullability), and the parity test holds the real schemas of both dialects to this.
 */
export const SCHEMA_COLUMNS: SchemaColumns = {
  users: {
    id: 'text',
    email: 'text',
    name: 'text',
    role: 'text',
    outlet_id: 'text?',
    password_hash: 'text',
    created_at: 'number',
    disabled: 'number',
    token_version: 'number',
  },
  doc_updates: { doc: 'text', seq: 'number', data: 'blob' },
  doc_snapshots: { doc: 'text', seq: 'number', data: 'blob', updated_at: 'number' },
  doc_clients: { doc: 'text', client: 'number', owner: 'text' },
  doc_heads: { doc: 'text', seq: 'number' },
  orders: {
    id: 'text',
    outlet_id: 'text',
    driver_id: 'text?',
    tracking_token: 'text',
    status: 'text',
    created_at: 'number',
    updated_at: 'number',
    type: 'text?',
    source: 'text?',
    customer_name: 'text?',
    customer_name_folded: 'text?',
    customer_phone: 'text?',
    customer_phone_digits: 'text?',
    total: 'number?',
    currency: 'text?',
    assigned_at: 'number?',
    accepted_at: 'number?',
    prep_minutes: 'number?',
    delay_minutes: 'number?',
    ready_at: 'number?',
    picked_up_at: 'number?',
    finished_at: 'number?',
    promised_at: 'number?',
    late: 'number?',
    end_reason: 'text?',
    cash_due: 'number?',
    timings_version: 'number?',
  },
  idempotency_keys: { key: 'text', request_hash: 'text', order_id: 'text', created_at: 'number' },
  outlets: { id: 'text', name: 'text', created_at: 'number' },
  meta: { key: 'text', value: 'text' },
  drivers: {
    user_id: 'text',
    phone: 'text',
    capacity: 'number',
    on_shift: 'number',
    shift_changed_at: 'number',
    lat: 'number?',
    lng: 'number?',
    position_at: 'number?',
    accuracy: 'number?',
    position_declared: 'number',
    last_assigned_at: 'number?',
    last_delivery_ended_at: 'number?',
  },
  breadcrumbs: { id: 'number', driver_id: 'text', lat: 'number', lng: 'number', at: 'number', accuracy: 'number?', received_at: 'number' },
  dispatch_offers: { order_id: 'text', driver_id: 'text', offered_at: 'number', expires_at: 'number', offer: 'text' },
  dispatch_exclusions: { order_id: 'text', driver_id: 'text', reason: 'text', at: 'number' },
  dispatch_fence: { scope: 'text', fence: 'number' },
  proofs: { order_id: 'text', proof_id: 'text', bytes: 'number', stored_at: 'number' },
  device_push_tokens: {
    token: 'text',
    user_id: 'text',
    app: 'text',
    device_id: 'text?',
    created_at: 'number',
    updated_at: 'number',
  },
  track_push_tokens: { tracking_token: 'text', token: 'text', order_id: 'text', created_at: 'number', updated_at: 'number' },
  order_wake_marks: { order_id: 'text', status: 'text', driver_id: 'text?' },
};
