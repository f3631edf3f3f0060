import { dropoffArea } from '../../../shared/order/dropoffArea';
import { deliveryEndedAt } from '../../../shared/order/assignment';
import type { DriverJob } from '../model/jobs/driverJobs';
import { SyncBadge } from '../../common/ui/SyncBadge';
import { clockTime } from '../../common/ui/clockTime';
import { jobHref } from '../shell/useDriverRoute';
import { JOB_STATUS } from './jobText';

function JobCard({ job }: { readonly job: DriverJob }) {
  const { header, state } = job.view;
  const to = header.address ? dropoffArea(header.address.text) : header.customer.name;
  const ended = deliveryEndedAt(state);
  return (
    <li>
      <a
        className="card job-card"
        href={jobHref(job.orderId)}
        aria-label={`Open job: ${header.outlet.name} to ${to}`}
        data-status={state.status}
      >
        <span className="job-card__route">
          <strong>{header.outlet.name}</strong> → {to}
        </span>
        <span className="job-card__status">
          {JOB_STATUS[state.status]}
          {ended ? ` ${clockTime(ended)}` : ''}
        </span>
        <SyncBadge state={job.syncState} />
      </a>
    </li>
  );
}

/** The driver's jobs in the order to do them, then what they finished today. */
export function JobList({
  active,
  finished,
  onShift,
}: {
  readonly active: readonly DriverJob[];
  readonly finished: readonly DriverJob[];
  readonly onShift: boolean;
}) {
  return (
    <>
      <section aria-labelledby="active-title" className="jobs">
        <h2 id="active-title">Your jobs</h2>
        {active.length === 0 ? (
          <p className="empty">
            {onShift ? 'No jobs yet. Offers ring here as soon as there is one near you.' : 'Go on shift to get offers.'}
          </p>
        ) : (
          <ul className="jobs__list">
            {active.map((job) => (
              <JobCard key={job.orderId} job={job} />
            ))}
          </ul>
        )}
      </section>
      {finished.length > 0 ? (
        <section aria-labelledby="finished-title" className="jobs">
          <h2 id="finished-title">Finished today</h2>
          <ul className="jobs__list">
            {finished.map((job) => (
              <JobCard key={job.orderId} job={job} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
