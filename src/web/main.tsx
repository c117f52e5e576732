// Entry point of the web app.
import "@mantine/core/styles.css";
import "./tables.css";
import { DirectionProvider, MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { languageReady } from "./i18n/index.js";
import { router } from "./router.js";
import { theme } from "./theme.js";

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

// Drawn once the reader's language is here, so that the first screen never flashes in English.
await languageReady;
createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <DirectionProvider detectDirection>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
