/** Why the server refused an update or a subscription, sent in REJECT / REFUSED messages. */
export const REJECT_CODES = [
  'forbidden', // not allowed to hold or write this document
  'not_found', // unknown document
  'load_failed', // the document could not be loaded; retry later
  'undecodable', // the bytes are not a Yjs update
  'missing_dependencies', // the update builds on changes the server does not have (or refused)
  'foreign_client', // the update writes under a Yjs client id that belongs to another device or the server
  'storage_failed', // the server could not commit it; retry later
  'read_only', // a document only the server writes
  'field_not_writable', // the update changes a part of the document this role may not change
  'events_removed', // events are append-only
  'event_invalid', // an appended entry is not a valid event
  'event_not_allowed', // this role may not append this event type
  'author_mismatch', // the event claims another author
  'clock_skew', // the event is stamped too far in the future
  'backdated', // the event is stamped before `placed` or before an event its device had already seen
  'order_finished', // the change would reopen a delivered, cancelled, rejected or failed order
  'events_limit', // the order holds as many events as it may
  'invalid_value', // a value written to the document does not fit its schema (outlet profile, menu, availability, status)
  'rate_limited', // too many messages
  'delivery_code', // a driver's `delivered` without the customer's right code (or a photo) on an order that has one
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export const isRejectCode = (value: string): value is RejectCode => (REJECT_CODES as readonly string[]).includes(value);
