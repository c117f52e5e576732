// The risk module's entry: all that the app and other modules may use of it.
export { registerRiskRoutes } from "./routes.js";
