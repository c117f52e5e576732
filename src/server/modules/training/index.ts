// The training module's entry: all that the app and other modules may use of it.
export { registerTrainingRoutes } from "./routes.js";
