// The load bench's client, in a process of its own so that it shares neither the server's
// memory nor its event loop: one autocannon instance per path, all at once, each at its fixed
// rate (or as fast as its clients can ask); prints one JSON line with each path's figures.
import autocannon from 'autocannon';

export interface LoadTarget {
  path: string;
  /** Requests per second; absent: as fast as `connections` clients can ask, each waiting for its answer. */
  rate?: number;
  /** Default: up to 4, never more than the rate. */
  connections?: number;
}

export interface LoadPlan {
  origin: string;
  seconds: number;
  targets: LoadTarget[];
}

export interface PathFigures {
  path: string;
  rate?: number;
  sent: number;
  /** Status code → answers. */
  statuses: Record<string, number>;
  /** Socket errors and timeouts (autocannon's `errors` counts timeouts too). */
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
}

function run(origin: string, seconds: number, target: LoadTarget): Promise<PathFigures> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: origin + target.path,
        ...(target.rate !== undefined && { overallRate: target.rate }),
        connections: target.connections ?? Math.min(4, target.rate ?? 4),
        duration: seconds,
        // A page that takes longer than this counts as an error: nobody waits half a minute.
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        const statuses: Record<string, number> = {};
        // statusCodeStats is in autocannon's result, not in its types.
        const stats = ((result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}) as Record<string, { count: number }>;
        for (const [code, stat] of Object.entries(stats)) statuses[code] = stat.count;
        resolve({
          path: target.path,
          ...(target.rate !== undefined && { rate: target.rate }),
          sent: result.requests.sent,
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
        });
      },
    );
  });
}

const plan = JSON.parse(process.argv[2]!) as LoadPlan;
const figures = await Promise.all(plan.targets.map((target) => run(plan.origin, plan.seconds, target)));
console.log(JSON.stringify(figures));
