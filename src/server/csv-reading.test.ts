import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvUnreadable, csvRecords, csvRows } from "./csv-reading.js";
import { csvText } from "./spreadsheets.js";

/** The records of `text` handed over in the given pieces, as a file streams in. */
async function readInPieces(pieces: (string | Buffer)[]) {
  const records = [];
  for await (const record of csvRecords(
    (async function* () {
      yield* pieces;
    })(),
  ))
    records.push(record);
  return records;
}

/** `text` cut at the given positions. */
const cut = (text: string, positions: number[]) => {
  const ends = [...new Set(positions)].sort((a, b) => a - b);
  return [...ends, text.length].map((end, i) => text.slice(i === 0 ? 0 : ends[i - 1], end));
};

describe("reading CSV", () => {
  it("reads quoted fields, doubled quotes, line breaks in quotes and every line ending", () => {
    const text =
      '\uFEFFreference,findings\r\nA-1,"Substantiated, repatriated"\nA-2,"She said ""no""\nand left"\rA-3,\n';
    expect(csvRows(text)).toEqual([
      ["reference", "findings"],
      ["A-1", "Substantiated, repatriated"],
      ["A-2", 'She said "no"\nand left'],
      ["A-3", ""],
    ]);
  });

  it("skips empty lines, keeps rows of any length and names the line each record ends on", async () => {
    const records = await readInPieces(['a,b\n\nc\n"multi\nline",d\r\n\r\n,,\nlast']);
    expect(records).toEqual([
      { values: ["a", "b"], line: 1 },
      { values: ["c"], line: 3 },
      { values: ["multi\nline", "d"], line: 5 },
      { values: ["", "", ""], line: 7 },
      { values: ["last"], line: 8 },
    ]);
  });

  it("reads a character of several bytes cut between two chunks", async () => {
    const bytes = Buffer.from("nationality\nCôte d'Ivoire\nالمملكة المتحدة\n", "utf8");
    const at = bytes.indexOf(Buffer.from("ô", "utf8")) + 1;
    const records = await readInPieces([bytes.subarray(0, at), bytes.subarray(at)]);
    expect(records.map((record) => record.values[0])).toEqual(["nationality", "Côte d'Ivoire", "المملكة المتحدة"]);
  });

  it("refuses what a spreadsheet program would not have written, naming the line", async () => {
    const refusal = async (text: string) =>
      readInPieces([text]).then(
        () => "read",
        (error) => (error instanceof CsvUnreadable ? error.message : `other: ${error}`),
      );
    expect(await refusal('a,b\nc,"open\nd,e\n')).toBe("the quoted field opened on line 2 is never closed");
    expect(await refusal('a,b\nc,"closed" late\n')).toMatch(/^line 2: text follows a closing quote/);
    expect(await refusal('a,b\n\nc,say "hi"\n')).toMatch(/^line 3: a quote inside a field/);
    // A quote left open does not hold the rest of a streamed file: a record stops at 1 MB.
    const long = "x".repeat(1 << 20);
    expect(csvRows(`a,"${long}"`)[0][1]).toHaveLength(1 << 20);
    await expect(readInPieces([`a,b\nc,"${long}`, "x", "y"])).rejects.toThrow(
      "the record from line 2 is longer than 1 MB (is a quote left open?)",
    );
  });

  it("reads back whatever the app writes, however the file is cut into chunks", async () => {
    const rows = [
      ["reference", "findings"],
      ["A-1", 'said "no", twice\nthen left'],
    ];
    const text = csvText(rows, { byteOrderMark: true });
    for (let at = 0; at <= text.length; at++)
      expect((await readInPieces(cut(text, [at]))).map((record) => record.values)).toEqual(rows);
  });

  it("reads any rows written with any line ending and quoting, cut into chunks anywhere", async () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "é", "中", ",", '"', "\n", "\r", " ", "1") });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, ending, quoteAll, cuts) => {
          const field = (value: string) =>
            quoteAll || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
          const text = rows.map((row) => row.map(field).join(",")).join(ending) + ending;
          const pieces = cut(
            text,
            cuts.map((n) => n % (text.length + 1)),
          );
          const records = await readInPieces(pieces);
          expect(records.map((record) => record.values)).toEqual(rows);
          // Each record ends on the line after every line break before its end (CRLF counts one).
          const lines = rows.map((_, k) => {
            const upToEnd = rows
              .slice(0, k + 1)
              .map((row) => row.map(field).join(","))
              .join(ending);
            return 1 + (upToEnd.match(/\r\n|\r|\n/g)?.length ?? 0);
          });
          expect(records.map((record) => record.line)).toEqual(lines);
          expect(csvRows(text)).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });
});
