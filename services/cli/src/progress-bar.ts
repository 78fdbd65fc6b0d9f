/** A one-line progress bar on stderr; on a non-terminal (CI, pipes) it prints at most one line per 10%. */
export class ProgressBar {
  private lastDecile = -1;
  private readonly width = 30;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number, suffix = ''): void {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const percent = Math.floor(ratio * 100);
    if (this.stream.isTTY) {
      const filled = Math.round(ratio * this.width);
      this.stream.write(
        `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${String(percent).padStart(3)}% ${suffix}`,
      );
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${this.label} ${percent}% ${suffix}\n`);
    }
  }

  finish(message: string): void {
    this.stream.write(this.stream.isTTY ? `\r\x1b[K${message}\n` : `${message}\n`);
  }
}
