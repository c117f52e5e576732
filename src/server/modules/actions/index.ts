// The actions module's entry: all that the app and other modules may use of it.
export { registerActionRoutes } from "./routes.js";
