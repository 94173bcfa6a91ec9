import { describe, expect, test } from "vitest";
import { parseSeconds } from "../src/junit/fields.js";

// parseSeconds reads plain "digits[.digits]" digit by digit; it must give the number the general
// path (Number, then whole microseconds) gives, and leave everything else to that path.
const general = (value: string): number | null => {
  let n = Number(value);
  if (!Number.isFinite(n)) n = Number(value.replace(/,/g, ""));
  if (!Number.isFinite(n) || n < 0) return null;
  return Math.round(n * 1_000_000) / 1000;
};

describe("parseSeconds", () => {
  test("plain values give the general path's number, odd ones go through it", () => {
    const odd = ["0", "00", "0.0", "5.", ".5", "1e3", "+1", "-0", "-1", " 1", "1 ", "1,5", "12,345.6", "x", "0x10"];
    const edges = ["999999999.999999", "1000000000.5", "0.0000001", "0.1234567", "123456789.123456", "0.036"];
    const values = [...odd, ...edges];
    // A deterministic spread of integer lengths (0-10 digits) and fraction lengths (0-7 digits).
    let x = 12345;
    for (let k = 0; k < 20_000; k += 1) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const whole = String(x % 10 ** (k % 11) || 0);
      const fraction = String(x)
        .padStart(10, "0")
        .slice(0, k % 8);
      values.push(fraction === "" ? whole : `${whole}.${fraction}`);
    }
    for (const v of values) expect(parseSeconds(v), v).toBe(general(v));
    expect(parseSeconds("")).toBeNull();
    expect(parseSeconds(undefined)).toBeNull();
  });
});
