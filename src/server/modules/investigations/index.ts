// The investigations module's entry: all that the app and other modules may use of it.
export { registerInvestigationRoutes } from "./routes.js";
export { findingsOnPerpetrator, investigationsOfCase } from "./service.js";
