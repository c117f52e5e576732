import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatReceipt, normaliseReceipt } from "./receipts.js";

describe("receipt codes", () => {
  it("are four groups of four characters from an unambiguous alphabet", () => {
    expect(formatReceipt(new Uint8Array(10).fill(255))).toBe("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    expect(formatReceipt(new Uint8Array(10))).toBe("0000-0000-0000-0000");
  });

  it("read back the same however a person writes them down", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        (bytes, lower, spaced) => {
          const receipt = formatReceipt(bytes);
          let typed = lower ? receipt.toLowerCase() : receipt;
          typed = spaced ? typed.replaceAll("-", " ") : typed.replaceAll("-", "");
          typed = typed.replaceAll("0", "O").replaceAll("1", "l");
          expect(normaliseReceipt(typed)).toBe(receipt.replaceAll("-", ""));
        },
      ),
      { seed: 5 },
    );
  });

  it("different random bytes give different receipts (80 bits, no collisions by construction)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (a, b) => {
          expect(formatReceipt(a) === formatReceipt(b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
        },
      ),
      { seed: 6 },
    );
  });

  it("refuses what cannot be a receipt", () => {
    expect(normaliseReceipt("too-short")).toBeNull();
    expect(normaliseReceipt("K7QM-3XPA-9RWD-T2H!")).toBeNull();
    expect(normaliseReceipt("K7QM-3XPA-9RWD-T2HFX")).toBeNull();
  });
});
