// The languages module's entry: all that the app and other modules may use of it.
export { registerLanguageRoutes } from "./routes.js";
export { loadCommunityLanguages } from "./service.js";
