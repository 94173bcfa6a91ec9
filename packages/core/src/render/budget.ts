/**
 * A size-bounded text builder. Renderers append blocks in priority order; when a block would not
 * fit, they append a truncation notice instead. Room for closing tags and the footer is reserved
 * up front, so the output never exceeds the limit whatever is cut.
 */
export type Measure = (text: string) => number;

/** UTF-16 code units: never fewer than code points, so a safe count for GitHub's character limits. */
export const measureChars: Measure = (text) => text.length;

/** UTF-8 bytes: GitHub's step-summary limit is in bytes. */
export const measureBytes: Measure = (text) => Buffer.byteLength(text, "utf8");

export class Budget {
  private readonly parts: string[] = [];
  private used = 0;
  private reserved = 0;

  constructor(
    readonly limit: number,
    readonly measure: Measure = measureChars,
  ) {}

  /** Room left for content, after what is reserved. */
  remaining(): number {
    return this.limit - this.used - this.reserved;
  }

  fits(text: string, extra = 0): boolean {
    return this.measure(text) + extra <= this.remaining();
  }

  /** Appends `text` if it fits (keeping `extra` free); returns whether it did. */
  tryPush(text: string, extra = 0): boolean {
    if (!this.fits(text, extra)) return false;
    this.parts.push(text);
    this.used += this.measure(text);
    return true;
  }

  /** Appends text that was reserved earlier with `reserve` (closers, footers). */
  pushReserved(text: string): void {
    this.pushReservedExact(text, text);
  }

  /**
   * Releases the reservation made for `reservedText` and appends `actual` in its place. `actual`
   * must not be larger than what was reserved (a shorter notice, or nothing).
   */
  pushReservedExact(reservedText: string, actual: string): void {
    this.reserved = Math.max(0, this.reserved - this.measure(reservedText));
    if (actual === "") return;
    this.parts.push(actual);
    this.used += this.measure(actual);
  }

  /**
   * Sets room aside for text that must come later (a closer, a notice). Returns false, reserving
   * nothing, when there is no room for it: the caller must then not open what it would close.
   */
  reserve(text: string): boolean {
    const size = this.measure(text);
    if (size > this.remaining()) return false;
    this.reserved += size;
    return true;
  }

  toString(): string {
    return this.parts.join("");
  }
}
