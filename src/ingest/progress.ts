/**
 * A one-line progress bar for long command-line work, redrawn in place on a terminal and
 * printed every 10% otherwise (so CI logs stay short).
 */
export class ProgressBar {
  private lastPrinted = -1;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(done: number, detail = ''): void {
    const fraction = this.total === 0 ? 1 : done / this.total;
    const width = 24;
    const filled = Math.round(fraction * width);
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const line = `${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total} ${seconds}s ${detail}`;
    if (this.out.isTTY) {
      this.out.write(`\r${line.slice(0, (this.out.columns ?? 100) - 1).padEnd((this.out.columns ?? 100) - 1)}`);
      if (done === this.total) this.out.write('\n');
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== this.lastPrinted || done === this.total) {
      this.lastPrinted = decile;
      this.out.write(`${line}\n`);
    }
  }
}

/**
 * A progress callback whose bar is made at its first tick, so that its clock times the work
 * from when that work starts (an index build at the end of a long load), and nothing is
 * printed when it never does.
 */
export function progressFromFirstTick(total: number, label: string, out?: NodeJS.WriteStream): (done: number) => void {
  let bar: ProgressBar | undefined;
  return (done) => (bar ??= new ProgressBar(total, label, out)).tick(done);
}
