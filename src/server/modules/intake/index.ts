// The intake module's entry: all that the app and other modules may use of it.
export { registerIntakeRoutes } from "./routes.js";
export {
  addReporterMessage,
  followUpReport,
  postReporterMessage,
  submitReport,
  type EvidenceUpload,
} from "./service.js";
export { unreadFor } from "./threads.js";
