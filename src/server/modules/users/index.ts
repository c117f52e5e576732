// The users module's entry: all that the app and other modules may use of it.
export { registerUserRoutes } from "./routes.js";
export { assertScopeIsValid, createStaffUser } from "./service.js";
