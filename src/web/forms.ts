// Form validation with the API's own zod contracts, messages in the user's language.
import type { TFunction } from "i18next";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

export function validateWith<T>(schema: z.ZodType<unknown, T>, t: TFunction) {
  return (values: T): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      if (errors[path]) continue;
      // A contract's own rule names its reason in the message (contact_required); we say it when we can.
      const reason = issue.code === "custom" && t(`forms.${issue.message}`, { defaultValue: "" });
      errors[path] =
        reason ||
        (issue.code === "too_small"
          ? t(issue.minimum === 1 ? "forms.required" : "forms.tooShort")
          : issue.code === "too_big"
            ? t("forms.tooLong")
            : t("forms.invalid"));
    }
    return errors;
  };
}

/** Errors already shown are said again in the new language when the person switches it mid-form. */
export function useErrorsInCurrentLanguage(form: { errors: Record<string, unknown>; validate: () => unknown }) {
  const { i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of language should re-validate
  useEffect(() => {
    if (Object.keys(form.errors).length > 0) form.validate();
  }, [i18n.language]);
}
