// Contracts of the internal figures: cases in the reader's scope counted by one dimension, under
// the same filters as the case list, so that every bar opens the list of its cases.
import { z } from "zod";
import { caseFilterSchema } from "./cases.js";

/** What the cases are counted by; a case with two nationalities counts under each. */
export const figureDimensions = ["mission", "year", "status", "nationality", "category", "allegation"] as const;
export type FigureDimension = (typeof figureDimensions)[number];

/** The case list's filter each dimension sets when a bar is opened. */
export const filterOfDimension = {
  mission: "mission",
  year: "year",
  status: "status",
  nationality: "nationality",
  category: "category",
  allegation: "type",
} as const satisfies Record<FigureDimension, string>;

/** The case list's own filters, so a bar's cases are the list's. */
export const figuresQuery = caseFilterSchema
  .pick({ mission: true, year: true, status: true, category: true, nationality: true, type: true })
  .extend({ by: z.enum(figureDimensions).default("mission") });
export type FiguresQuery = z.infer<typeof figuresQuery>;

export const figuresSchema = z.object({
  by: z.enum(figureDimensions),
  /** Cases matching the filters (each once, whatever the dimension). */
  total: z.number(),
  rows: z.array(z.object({ key: z.string(), cases: z.number() })),
});
export type Figures = z.infer<typeof figuresSchema>;
