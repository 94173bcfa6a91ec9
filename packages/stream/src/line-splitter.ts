/**
 * Bytes to lines, with memory bounded: UTF-8 is decoded across chunk boundaries, `\r\n` and `\n`
 * end a line, and a line longer than `maxLineChars` is handed on in pieces (`partial: true` on
 * every piece but the last) instead of growing without limit.
 */
import { StringDecoder } from "node:string_decoder";

export interface LinePiece {
  text: string;
  /** True when the line continues in the next piece (it was longer than `maxLineChars`). */
  partial: boolean;
}

/** Default cap on one line held in memory: Codex events with long command output fit. */
export const DEFAULT_MAX_LINE_CHARS = 8 * 1024 * 1024;

export class LineSplitter {
  private readonly decoder = new StringDecoder("utf8");
  private buffer = "";
  /** True while the current line has already been handed on in part. */
  private continuing = false;

  constructor(private readonly maxLineChars = DEFAULT_MAX_LINE_CHARS) {}

  /** True when the line being assembled was already handed on in part. */
  get inLongLine(): boolean {
    return this.continuing;
  }

  push(chunk: Uint8Array | string): LinePiece[] {
    this.buffer += typeof chunk === "string" ? chunk : this.decoder.write(chunk as Buffer);
    return this.drain(false);
  }

  /** The last line when the input did not end with a newline. */
  end(): LinePiece[] {
    this.buffer += this.decoder.end();
    return this.drain(true);
  }

  private drain(final: boolean): LinePiece[] {
    const out: LinePiece[] = [];
    let start = 0;
    for (;;) {
      const nl = this.buffer.indexOf("\n", start);
      if (nl === -1) break;
      const end = nl > start && this.buffer.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      out.push({ text: this.buffer.slice(start, end), partial: false });
      this.continuing = false;
      start = nl + 1;
    }
    this.buffer = this.buffer.slice(start);
    while (this.buffer.length > this.maxLineChars) {
      let cut = this.maxLineChars;
      // Never split a surrogate pair.
      const code = this.buffer.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
      out.push({ text: this.buffer.slice(0, cut), partial: true });
      this.buffer = this.buffer.slice(cut);
      this.continuing = true;
    }
    if (final && (this.buffer !== "" || this.continuing)) {
      out.push({ text: this.buffer.replace(/\r$/, ""), partial: false });
      this.buffer = "";
      this.continuing = false;
    }
    return out;
  }
}
