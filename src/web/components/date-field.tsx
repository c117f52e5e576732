// A date field in the reader's language: the calendar's months and weekdays, and the date written
// as every staff page writes it ("2 déc. 2026"), while the form keeps the ISO day ("2026-12-02").
// Typed dates are read as ISO or in the language's usual numeric order.
import "@mantine/dates/styles.css";
import { DateInput, type DateInputProps } from "@mantine/dates";
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import "dayjs/locale/ar.js";
import "dayjs/locale/es.js";
import "dayjs/locale/fr.js";
import "dayjs/locale/ru.js";
import "dayjs/locale/zh.js";
import { useTranslation } from "react-i18next";
import { useFormat } from "../format.js";

dayjs.extend(customParseFormat);

const typedFormats: Record<string, string[]> = {
  en: ["M/D/YYYY", "MMM D, YYYY", "D MMM YYYY"],
  fr: ["D/M/YYYY", "D.M.YYYY", "D MMM YYYY", "D MMMM YYYY"],
  ar: ["D/M/YYYY", "D MMMM YYYY"],
  es: ["D/M/YYYY", "D MMM YYYY", "D [de] MMMM [de] YYYY"],
  ru: ["D.M.YYYY", "D MMMM YYYY"],
  zh: ["YYYY/M/D", "YYYY年M月D日"],
};

/** The ISO day a person typed, or null when it is not a date. */
export function readTypedDate(input: string, language: string): string | null {
  const text = input.trim();
  for (const format of ["YYYY-MM-DD", ...(typedFormats[language] ?? typedFormats.en)]) {
    const parsed = dayjs(text, format, language, true);
    if (parsed.isValid()) return parsed.format("YYYY-MM-DD");
  }
  return null;
}

type Props = Omit<DateInputProps, "value" | "onChange" | "maxDate" | "minDate" | "type"> & {
  value?: string;
  onChange?: (value: string) => void;
  /** The latest and earliest days allowed, ISO. */
  max?: string;
  min?: string;
};

export function DateField({ value, onChange, max, min, ...props }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <DateInput
      {...props}
      value={value || null}
      onChange={(day) => onChange?.(day ?? "")}
      maxDate={max}
      minDate={min}
      locale={i18n.language}
      valueFormat={(day) => format.date(day)}
      dateParser={(input) => readTypedDate(input, i18n.language)}
      clearable={!props.required}
      clearButtonProps={{ "aria-label": t("app.clearDate") }}
      popoverProps={{ withinPortal: true }}
    />
  );
}
