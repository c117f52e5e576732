// The audit module's entry: all that the app and other modules may use of it.
export { recordAuditEvent } from "./record.js";
export { registerAuditRoutes } from "./routes.js";
export { verifyAuditChain } from "./service.js";
