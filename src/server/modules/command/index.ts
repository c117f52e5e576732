// The command module's entry: all that the app and other modules may use of it.
export { registerCommandRoutes } from "./routes.js";
export { insertLeader } from "./service.js";
export { unitCommandRecords } from "./patterns.js";
