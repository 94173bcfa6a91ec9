/**
 * Lines into Discord messages: each message is one code block (```` ``` ```` … ```` ``` ````)
 * of at most 2,000 characters (Discord's limit for a bot's message content). Backtick runs inside a
 * line are broken with zero-width spaces, so no line can close or open a block: every message's
 * fences stay balanced. A line longer than a message is split over several, each piece marked.
 */

/** Discord's limit on `content` for a bot (UTF-16 units, which never undercount characters). */
export const DISCORD_MESSAGE_LIMIT = 2000;

const OPEN = "```\n";
const CLOSE = "\n```";
const ZWSP = "\u200b";
const CONTINUED = " ↩";

/** Room for the lines of one message. */
export const MESSAGE_BODY_LIMIT = DISCORD_MESSAGE_LIMIT - OPEN.length - CLOSE.length;

export interface Unit {
  text: string;
  /** Source lines this unit completes (0 for a piece of a longer line, 1 otherwise). */
  lines: number;
}

export interface Message {
  content: string;
  /** Source lines completed by this message. */
  lines: number;
}

export function neutralizeFences(line: string): string {
  return line.replace(/`{3,}/g, (run) => run.split("").join(ZWSP)).replace(/\t/g, "  ");
}

/** One line as units of at most `MESSAGE_BODY_LIMIT` characters. */
export function lineUnits(line: string): Unit[] {
  const text = neutralizeFences(line);
  if (text.length <= MESSAGE_BODY_LIMIT) return [{ text, lines: 1 }];
  const units: Unit[] = [];
  const room = MESSAGE_BODY_LIMIT - CONTINUED.length;
  let piece = "";
  for (const ch of text) {
    if (piece.length + ch.length > room) {
      units.push({ text: piece + CONTINUED, lines: 0 });
      piece = "";
    }
    piece += ch;
  }
  units.push({ text: piece, lines: 1 });
  return units;
}

export function renderMessage(units: readonly Unit[]): Message {
  return {
    content: `${OPEN}${units.map((u) => u.text).join("\n")}${CLOSE}`,
    lines: units.reduce((n, u) => n + u.lines, 0),
  };
}

/** A FIFO of units that hands out full messages. */
export class MessageQueue {
  private units: Unit[] = [];
  private head = 0;
  /** Characters waiting (for the overflow bound). */
  chars = 0;

  get size(): number {
    return this.units.length - this.head;
  }

  push(units: readonly Unit[]): void {
    for (const u of units) {
      this.units.push(u);
      this.chars += u.text.length + 1;
    }
  }

  /** True when the waiting units fill at least one message. */
  full(): boolean {
    return this.chars > MESSAGE_BODY_LIMIT;
  }

  /** Takes as many units as fit in one message. */
  take(): Message | null {
    if (this.size === 0) return null;
    const picked: Unit[] = [];
    let used = 0;
    while (this.head < this.units.length) {
      const u = this.units[this.head] as Unit;
      const add = (picked.length > 0 ? 1 : 0) + u.text.length;
      if (picked.length > 0 && used + add > MESSAGE_BODY_LIMIT) break;
      picked.push(u);
      used += add;
      this.chars -= u.text.length + 1;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.units.length) {
      this.units = this.units.slice(this.head);
      this.head = 0;
    }
    return renderMessage(picked);
  }

  /** Drops everything waiting; returns the source lines it held. */
  clear(): number {
    let lines = 0;
    for (let i = this.head; i < this.units.length; i++) lines += (this.units[i] as Unit).lines;
    this.units = [];
    this.head = 0;
    this.chars = 0;
    return lines;
  }
}
