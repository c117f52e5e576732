// The paternity module's entry: all that the app and other modules may use of it.
export { registerPaternityRoutes } from "./routes.js";
export { listClaims } from "./service.js";
