// Every language's staff-app messages at once, for the server's files in the staff app's words (the
// case summary, the scorecard). The browser never loads this: it fetches one language when chosen.
import type { UnLanguage } from "../../domain/un-languages.js";
import { ar } from "./ar.js";
import { en, type Messages } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { ru } from "./ru.js";
import { zh } from "./zh.js";

export const staffMessages: Record<UnLanguage, Messages> = { en, fr, es, ar, zh, ru };
