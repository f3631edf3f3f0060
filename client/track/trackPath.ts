import { TrackingTokenSchema, type TrackingToken } from '../../shared/ids';

/** The token of `/track/<token>`; null when the path holds none a tracking link could carry. */
export function trackingTokenOf(pathname: string): TrackingToken | null {
  const segment = pathname.replace(/^\/track\/?/, '').split('/')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const token = TrackingTokenSchema.safeParse(decoded);
  return token.success ? token.data : null;
}
