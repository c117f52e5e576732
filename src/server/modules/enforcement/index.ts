// The enforcement module's entry: all that the app and other modules may use of it.
export { findingsOnPerpetrator, investigationsOfCase } from "./investigations.js";
export { registerActionRoutes, registerInvestigationRoutes } from "./routes.js";
