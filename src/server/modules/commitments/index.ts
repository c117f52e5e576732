// The commitments module's entry: all that the app and other modules may use of it.
export { registerCommitmentRoutes } from "./routes.js";
export { listCommitments } from "./service.js";
