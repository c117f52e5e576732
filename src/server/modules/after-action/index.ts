// The after-action module's entry: all that the app and other modules may use of it.
export { registerAfterActionRoutes } from "./routes.js";
export { searchDocument } from "./service.js";
