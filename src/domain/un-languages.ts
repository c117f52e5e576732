// The six official languages of the United Nations: every surface of the product speaks them.
export const unLanguages = ["en", "fr", "es", "ar", "zh", "ru"] as const;
export type UnLanguage = (typeof unLanguages)[number];

/** The cookie that keeps the reader's language, written and read by the server's pages and the staff app alike. */
export const LANGUAGE_COOKIE = "conduct_lang";

/** The cookie's value, as a cookie header or `document.cookie` carries it. */
export const languageCookieValue = (language: string) =>
  `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;

/** The language remembered in a cookie header (or `document.cookie`), if any. */
export const rememberedLanguage = (cookies: string | undefined): string | null =>
  new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(\\w+)`).exec(cookies ?? "")?.[1] ?? null;
