// Community languages: an administrator loads a translation file; the report pages speak it at once
// (each server instance reloads them every minute), marked as a draft until a translator reviews it.
import { eq, sql } from "drizzle-orm";
import { communityLanguages } from "../../../db/schema.js";
import type { PublicLanguage } from "../../public/messages.js";
import { type TranslationFile, translationFileSchema } from "../../../domain/contracts/languages.js";
import { type Actor, publicActor } from "../../auth/actor.js";
import { languagePolicy } from "../../auth/policies/index.js";
import { Forbidden, NotFound, ValidationFailed } from "../../errors.js";
import { missingKeys, setCommunityLanguages, translationTemplate, unknownKeys } from "../../public/report-words.js";
import type { Services } from "../../services.js";
import { inTransaction } from "../../transaction.js";
import { recordAuditEvent } from "../audit/index.js";

type Row = typeof communityLanguages.$inferSelect;

/** A language as its file says it: the row's own columns, typed. */
const fileOf = (row: Row) => ({
  code: row.code,
  name: row.name,
  dir: row.dir as "ltr" | "rtl",
  fallback: row.fallback as PublicLanguage,
  reviewed: row.reviewed,
  messages: row.messages,
});

const summary = (row: Row) => {
  const missing = missingKeys(row.messages);
  const { messages: _messages, ...language } = fileOf(row);
  return {
    ...language,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    translated: Object.keys(translationTemplate()).length - missing.length,
    missing,
  };
};

/** Reads the community languages into the pages' registry. */
export async function loadCommunityLanguages(services: Services) {
  const rows = await inTransaction(services.db, publicActor, (tx) => tx.select().from(communityLanguages));
  setCommunityLanguages(rows.map(fileOf));
}

export async function listLanguages(services: Services, actor: Actor) {
  if (!languagePolicy.read(actor)) throw new Forbidden("Sign in to read the community languages.");
  return inTransaction(services.db, actor, async (tx) => {
    const rows = await tx.select().from(communityLanguages).orderBy(communityLanguages.code);
    return { items: rows.map(summary), keys: Object.keys(translationTemplate()).length };
  });
}

/** The file a translator fills in: every key with its English words, or a language's file as it stands. */
export async function translationFile(services: Services, actor: Actor, code: string | null) {
  if (!languagePolicy.read(actor)) throw new Forbidden("Sign in to read the community languages.");
  const template = translationTemplate();
  if (code === null)
    return { code: "", name: "", dir: "ltr" as const, fallback: "en" as const, reviewed: false, messages: template };
  return inTransaction(services.db, actor, async (tx) => {
    const [row] = await tx.select().from(communityLanguages).where(eq(communityLanguages.code, code));
    if (!row) throw new NotFound("community language");
    // Every key, translated or not: the translator sees what is left (empty) next to what is done.
    const messages = Object.fromEntries(Object.keys(template).map((key) => [key, row.messages[key] ?? ""]));
    return { ...fileOf(row), messages };
  });
}

/** Adds or replaces a community language from its translation file; unknown keys are refused, by name. */
export async function saveLanguage(services: Services, actor: Actor, code: string, file: TranslationFile) {
  if (!languagePolicy.manage(actor)) throw new Forbidden("An administrator loads the community languages.");
  const parsed = translationFileSchema.parse(file);
  if (parsed.code !== code)
    throw new ValidationFailed("The file is for another language than the address names.", [
      { path: "body.code", message: "code_mismatch" },
    ]);
  if (["en", "fr", "ar", "zh", "ru", "es"].includes(code))
    throw new ValidationFailed("The six UN languages are part of the product, not loaded from a file.", [
      { path: "body.code", message: "un_language" },
    ]);
  const unknown = unknownKeys(parsed.messages);
  if (unknown.length)
    throw new ValidationFailed(
      `The file has keys no page uses: ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? "…" : ""}. Start from the template.`,
      unknown.map((key) => ({ path: `body.messages.${key}`, message: "unknown_key" })),
    );
  // Empty values are left out: the fallback's words show there, and the check lists them as missing.
  const messages = Object.fromEntries(Object.entries(parsed.messages).filter(([, value]) => value.trim()));
  const row = await inTransaction(services.db, actor, async (tx) => {
    const values = {
      name: parsed.name,
      dir: parsed.dir,
      fallback: parsed.fallback,
      reviewed: parsed.reviewed,
      messages,
    };
    const [saved] = await tx
      .insert(communityLanguages)
      .values({ code, ...values, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: communityLanguages.code,
        set: {
          ...values,
          updatedBy: actor.userId,
          version: sql`${communityLanguages.version} + 1`,
          updatedAt: new Date(),
        },
      })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "language.save",
      subjectType: "language",
      subjectId: code,
      details: { reviewed: saved.reviewed, keys: Object.keys(messages).length, version: saved.version },
    });
    return saved;
  });
  await loadCommunityLanguages(services);
  return summary(row);
}
