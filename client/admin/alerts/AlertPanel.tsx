import { useEffect, useState } from 'react';
import { orderNumber } from '../../../shared/order/orderNumber';
import { useAdminDevice } from '../model/AdminContext';
import { PROBLEM_WORDS, type Problem } from '../model/alerts/problems';
import { hrefOf } from '../shell/adminRoute';

/** Listed at once; the rest behind "Show all", so the panel never pushes the screen away. */
const SHOWN = 5;

interface News {
  readonly keys: readonly string[];
  readonly text: string;
}

function newsOf(fresh: readonly Problem[]): News | null {
  const [first] = fresh;
  if (!first) return null;
  const lead = `${PROBLEM_WORDS[first.kind]}: ${first.text}`;
  return { keys: fresh.map((p) => p.key), text: fresh.length === 1 ? `New problem. ${lead}` : `${fresh.length} new problems. ${lead}` };
}

/**
 * Problems as they appear: the newest announced in a role=alert region (read out by screen readers,
 * and shown in words, never by colour alone), every open one listed with a link to its order and a
 * way to dismiss it on this device.
 */
export function AlertPanel({ problems }: { readonly problems: readonly Problem[] }) {
  const { alerts } = useAdminDevice();
  const [news, setNews] = useState<News | null>(null);
  const [all, setAll] = useState(false);

  useEffect(() => {
    const fresh = newsOf(alerts.raise(problems));
    if (fresh) setNews(fresh);
  }, [problems, alerts]);

  const open = new Set(problems.map((p) => p.key));
  const current = news && news.keys.some((key) => open.has(key)) ? news.text : '';
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <section className="alerts" aria-label="Alerts">
      <p role="alert" className={current ? 'alerts__news' : 'sr-only'}>
        {current}
      </p>
      {problems.length > 0 ? (
        <ul
          className="alerts__list"
          aria-label={`${problems.length} ${problems.length === 1 ? 'problem needs' : 'problems need'} attention`}
        >
          {shown.map((p) => (
            <li key={p.key} className={`alerts__item alerts__item--${p.kind}`}>
              <span className="alerts__kind">
                <span aria-hidden="true">⚠ </span>
                {PROBLEM_WORDS[p.kind]}
              </span>
              <span className="alerts__text">{p.text}</span>
              {p.orderId ? (
                <a className="button button--quiet" href={hrefOf('order', p.orderId)}>
                  Open order {orderNumber(p.orderId)}
                </a>
              ) : null}
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Dismiss: ${p.text}`}
                onClick={() => alerts.dismiss(p.key)}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {problems.length > SHOWN ? (
        <button type="button" className="button button--quiet" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${problems.length} problems`}
        </button>
      ) : null}
    </section>
  );
}
