// The tokens module's entry: all that the app and other modules may use of it.
export { registerTokenRoutes } from "./routes.js";
export { createToken } from "./service.js";
