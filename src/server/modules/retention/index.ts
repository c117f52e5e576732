// The retention module's entry: all that the app and other modules may use of it.
export { registerRedactionRoutes } from "./routes.js";
export { applyRetention, retentionDryRun, type RetentionDays, retentionKinds } from "./retention.js";
