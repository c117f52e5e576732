// The publication module's entry: all that the app and other modules may use of it.
export { allegationColumns, victimsInWords } from "./allegation-columns.js";
export { importAllegations } from "./import.js";
export { listImports, withdrawImport } from "./imports.js";
export { registerPublicationRoutes } from "./routes.js";
export {
  allPublishedAllegations,
  latestPublications,
  publicAllegationsCsv,
  publicAllegationsWorkbook,
  publishedAllegations,
  setPublication,
  type PublicAllegation,
} from "./service.js";
export { cachedPublic, fold, publicStatistics } from "./stats.js";
export { publicMisconduct, publicVictimSupport } from "./support.js";
export { systemWideFigures, systemWideQuarter } from "./system-wide.js";
