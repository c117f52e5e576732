// The help module's entry: all that the app and other modules may use of it.
export { registerHelpRoutes } from "./routes.js";
export { currentHelp, saveHelp } from "./service.js";
