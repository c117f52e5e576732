// One way to write dates, times and numbers per language, everywhere in the staff app and the
// server's pages in its words: a date that is only a date (ISO "2026-12-02") is read in UTC so it
// never shifts a day with the reader's zone.
const isDateOnly = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function formatsFor(language: string) {
  const day = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  const instant = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "medium" });
  const count = new Intl.NumberFormat(language);
  return {
    /** "2 Dec 2026" / "2 déc. 2026" / "٢ ديسمبر ٢٠٢٦"; a timestamp gives its day in UTC. */
    date: (value: string | null | undefined) => (value ? day.format(new Date(value)) : ""),
    /** A moment with its time, in the reader's zone; a bare date stays a date. */
    dateTime: (value: string | null | undefined) =>
      value ? (isDateOnly(value) ? day.format(new Date(value)) : moment.format(new Date(value))) : "",
    /** To the second, for the audit trail. */
    timestamp: (value: string) => instant.format(new Date(value)),
    number: (value: number) => count.format(value),
  };
}

export type Formats = ReturnType<typeof formatsFor>;
