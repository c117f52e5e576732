// The victims module's entry: all that the app and other modules may use of it.
export { assertConsent, refreshNextAction, victimInScope } from "./records.js";
export { registerVictimRoutes } from "./routes.js";
