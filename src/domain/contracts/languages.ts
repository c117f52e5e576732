// Community languages of the report pages: the translation file an administrator loads, and what
// the staff app lists of each (how much is translated, whether a translator reviewed it).
import { z } from "zod";
import { publicLanguageSchema } from "./reports.js";

export const translationFileSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}$/),
  /** The language's name in itself ("Kiswahili", "Lingála", "Sängö"). */
  name: z.string().trim().min(2).max(60),
  dir: z.enum(["ltr", "rtl"]).default("ltr"),
  /** The UN language shown for anything not translated, and for the data pages. */
  fallback: publicLanguageSchema,
  reviewed: z.boolean().default(false),
  messages: z.record(z.string().max(200), z.string().max(5_000)),
});
export type TranslationFile = z.input<typeof translationFileSchema>;

export const communityLanguageSchema = z.object({
  code: z.string(),
  name: z.string(),
  dir: z.enum(["ltr", "rtl"]),
  fallback: publicLanguageSchema,
  reviewed: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  translated: z.number(),
  /** Keys the file lacks: the pages show the fallback language's words there. */
  missing: z.array(z.string()),
});
export type CommunityLanguageSummary = z.infer<typeof communityLanguageSchema>;
export const listLanguagesSchema = z.object({
  items: z.array(communityLanguageSchema),
  /** How many keys a complete file has. */
  keys: z.number(),
});
export type ListLanguages = z.infer<typeof listLanguagesSchema>;
/** A translation file as answered: the template leaves code and name for the translator to fill. */
export const translationTemplateSchema = z.object({
  code: z.string(),
  name: z.string(),
  dir: z.enum(["ltr", "rtl"]),
  fallback: publicLanguageSchema,
  reviewed: z.boolean(),
  messages: z.record(z.string(), z.string()),
});
export type TranslationTemplate = z.infer<typeof translationTemplateSchema>;
