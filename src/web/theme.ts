// The Mantine theme: Mantine's default light and outline variants put mid-tone text on pale
// backgrounds, under the WCAG AA contrast ratio; this resolver darkens their text so every
// badge, light button and active navigation link stays readable.
import {
  Badge,
  createTheme,
  InputWrapper,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from "@mantine/core";

const readableVariants: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return resolved;
  const palette = input.theme.colors[parsed.color];
  // Even shade 9 of green or orange is only about 4:1 on shade 0; a third darker clears 4.5:1 for every palette.
  const text = darken(palette[9], 0.3);
  if (input.variant === "light") return { ...resolved, color: text, background: palette[0], hover: palette[1] };
  if (input.variant === "outline" || input.variant === "subtle")
    return { ...resolved, color: text, border: input.variant === "outline" ? `1px solid ${text}` : resolved.border };
  return resolved;
};

export const theme = createTheme({
  primaryColor: "blue",
  // Shade 8 keeps white text on the primary colour above the AA contrast ratio.
  primaryShade: 8,
  variantColorResolver: readableVariants,
  components: {
    // A status badge is short and must be read whole: never squeezed to an ellipsis in a table cell.
    Badge: Badge.extend({
      defaultProps: { tt: "none" },
      styles: { root: { flexShrink: 0, overflow: "visible" }, label: { overflow: "visible" } },
    }),
    // Mantine's dimmed gray for a field's description is about 3.3:1 on white; shade 7 reads at AA.
    InputWrapper: InputWrapper.extend({ styles: { description: { color: "var(--mantine-color-gray-7)" } } }),
  },
});
