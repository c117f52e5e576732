// The reveals module's entry: all that the app and other modules may use of it.
export { registerRevealRoutes } from "./routes.js";
export { type RevealClearance, revealClearance } from "./service.js";
export { listRevealRequests } from "./service.js";
