/** The part of autocannon 8's programmatic API the bench uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      method?: 'GET' | 'POST';
      headers?: Record<string, string>;
      body?: string;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      /** Requests sent in turn; `setupRequest` may change each before it is sent. */
      requests?: { setupRequest?: (request: Record<string, unknown>) => Record<string, unknown>; onResponse?: (status: number, body: string) => void }[];
    /** Requests in all, shared among the connections; the run ends when they are sent, or at `duration`. */
    maxOverallRequests?: number;
    }

    /** A run under way: a promise of its result that can be stopped early. */
    interface Instance extends Promise<Result> {
      stop(): void;
    }

    /** Latencies in milliseconds (1 ms resolution); request counts per second. */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      totalCount: number;
    }

    interface Result {
      /** Seconds. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      latency: Histogram;
      requests: Histogram & { total: number; sent: number };
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
