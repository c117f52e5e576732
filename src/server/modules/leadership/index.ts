// The leadership module's entry: all that the app and other modules may use of it.
export { registerLeadershipRoutes } from "./routes.js";
