// The trust-fund module's entry: all that the app and other modules may use of it.
export { registerTrustFundRoutes } from "./routes.js";
