// The work module's entry: all that the app and other modules may use of it.
export { registerWorkRoutes } from "./routes.js";
export { FIRST_PAGE, registerFirstPage } from "./first-page.js";
