// The health module's entry: all that the app and other modules may use of it.
export { registerHealthRoutes } from "./routes.js";
