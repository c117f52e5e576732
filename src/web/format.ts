// The reader's formats (src/web/formats.ts), following the language the app speaks.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type Formats, formatsFor } from "./formats.js";

export { type Formats, formatsFor };

export function useFormat(): Formats {
  const { i18n } = useTranslation();
  return useMemo(() => formatsFor(i18n.language), [i18n.language]);
}
