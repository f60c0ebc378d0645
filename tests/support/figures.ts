/**
 * The leaders' figures counted straight from request documents, independently of the counters
 * (core/stats): what the figures tests and the dashboard's browser test compare the pages against.
 */
import type { ServiceRequest } from '../../core/model';

export function countedFigures(rows: ServiceRequest[]) {
  const done = rows.filter((r) => r.status === 'resolved' || r.status === 'closed');
  const scored = rows.filter((r) => r.score !== null);
  const timed = done.filter((r) => r.closedOnTime !== null);
  return {
    collected: rows.length,
    closed: done.length,
    inProgress: rows.filter((r) => ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised'].includes(r.status)).length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
    onTimeRate: timed.length ? timed.filter((r) => r.closedOnTime).length / timed.length : null,
    satisfactionRate: scored.length ? scored.filter((r) => r.score! >= 4).length / scored.length : null,
    meanScore: scored.length ? scored.reduce((s, r) => s + r.score!, 0) / scored.length : null,
    overdue: rows.filter((r) => r.colour === 'red').length,
    urges: rows.reduce((s, r) => s + r.urgeCount, 0),
    red: rows.filter((r) => r.colour === 'red' && r.status !== 'rejected').length,
  };
}
