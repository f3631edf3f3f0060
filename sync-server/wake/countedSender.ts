import type { WakeSendOutcome } from '../metrics/serverMetrics';
import type { PushSender } from './pushSender';

/** A PushSender that tells `count` how each send ended (metrics), and otherwise is the one it wraps. */
export function countedSender(sender: PushSender, count: (outcome: WakeSendOutcome) => void): PushSender {
  return {
    async send(message) {
      const outcome = await sender.send(message);
      count(outcome.ok ? 'sent' : outcome.error.code);
      return outcome;
    },
    close: () => sender.close(),
  };
}
