// Form validation with the API's own zod contracts, messages in the user's language.
import type { TFunction } from "i18next";
import type { z } from "zod";

export function validateWith<T>(schema: z.ZodType<unknown, T>, t: TFunction) {
  return (values: T): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      if (errors[path]) continue;
      errors[path] = issue.code === "too_small" ? t(issue.minimum === 1 ? "forms.required" : "forms.tooShort") : issue.code === "too_big" ? t("forms.tooLong") : t("forms.invalid");
    }
    return errors;
  };
}
