// The six official languages of the United Nations: every surface of the product speaks them.
export const unLanguages = ["en", "fr", "es", "ar", "zh", "ru"] as const;
export type UnLanguage = (typeof unLanguages)[number];
