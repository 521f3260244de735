/** How the starter shows children's output: prefixed lines, or nothing but errors. */
export type LogMode = 'inherit' | 'quiet';

/**
 * One output line of an app, as the starter prints it. JSON lines (pino) pass through
 * untouched so they stay machine-readable; anything else gets the app's name in front.
 */
export function formatChildLine(app: string, line: string, width = 13): string {
  if (isJsonObject(line)) return line;
  return `${app.padEnd(width)} | ${line}`;
}

function isJsonObject(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Keeps the last `size` lines of a child, for the message when it dies. */
export class RecentLines {
  private readonly lines: string[] = [];

  constructor(private readonly size = 20) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }

  all(): string[] {
    return [...this.lines];
  }
}
