// The good-practices module's entry: all that the app and other modules may use of it.
export { registerGoodPracticeRoutes } from "./routes.js";
export { listPublishedPractices, type PublicPractice } from "./service.js";
