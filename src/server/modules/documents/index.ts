// The documents module's entry: a case's documents, notes verbales and referral correspondence.
export { registerDocumentRoutes } from "./routes.js";
