/** The notes that validation of an experiment gives back: what it changed, one sentence each. */

/** Notes listed at most; a link of garbage should not flood the page. */
export const MAX_NOTES = 20;

/** Longest piece of a bad value quoted in a note. */
const MAX_QUOTE = 30;

/** Collects sentences, keeping the first MAX_NOTES and counting the rest. */
export class NoteList {
  private readonly kept: string[] = [];
  private dropped = 0;

  add(text: string): void {
    if (this.kept.length < MAX_NOTES) this.kept.push(text);
    else this.dropped++;
  }

  list(): string[] {
    if (this.dropped === 0) return [...this.kept];
    return [...this.kept, `… and ${this.dropped} more problems in the experiment`];
  }
}

/** A value as a note quotes it: strings in quotes and shortened, the rest as JSON. */
export function quoteValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || value === undefined) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  const short = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
  return typeof value === 'string' ? `"${short}"` : short;
}
