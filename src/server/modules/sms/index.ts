// The SMS module's entry: all that the app and other modules may use of it.
export { registerSmsRoutes } from "./routes.js";
export { forgetOldNumbers, forwardOfficerReplies } from "./service.js";
