import { describe, expect, it } from "vitest";
import { asksToForget, chosenNumber, normalisePhone, numberedMenu } from "./sms.js";

describe("the SMS conversation's rules", () => {
  it("threads a number however it is written", () => {
    expect(normalisePhone("+243 81-555 0112")).toBe("+243815550112");
    expect(normalisePhone("00243815550112")).toBe("+243815550112");
  });

  it("reads a choice only when it is one of the numbers offered", () => {
    expect(chosenNumber(" 2 ", 3)).toBe(2);
    expect(chosenNumber("2.", 3)).toBe(2);
    expect(chosenNumber("4", 3)).toBeNull();
    expect(chosenNumber("0", 3)).toBeNull();
    expect(chosenNumber("0", 3, true)).toBe(0);
    expect(chosenNumber("two", 3)).toBeNull();
    expect(chosenNumber("2 soldiers came", 3)).toBeNull();
  });

  it("hears 'stop' in the reporters' languages, and nothing longer", () => {
    expect(asksToForget("stop")).toBe(true);
    expect(asksToForget(" Acha ")).toBe(true);
    expect(asksToForget("please stop them")).toBe(false);
  });

  it("numbers a menu from one", () => {
    expect(numberedMenu(["English", "Français"])).toBe("1 English, 2 Français");
  });
});
