// The single sign-on module's entry: all that the app and other modules may use of it.
export { registerSsoRoutes } from "./routes.js";
