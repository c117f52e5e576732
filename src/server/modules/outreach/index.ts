// The outreach module's entry: all that the app and other modules may use of it.
export { registerOutreachRoutes } from "./routes.js";
