// The screening module's entry: all that the app and other modules may use of it.
export { registerScreeningRoutes } from "./routes.js";
export {
  adoptFederationScreeningKey,
  exportScreeningKey,
  keyedHashes,
  keyFingerprint,
  screeningHashKey,
  syncScreeningList,
} from "./service.js";
