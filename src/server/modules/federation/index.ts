// The federation module's entry: all that the app and other modules may use of it.
export { registerFederationRoutes } from "./routes.js";
export {
  addFederationMember,
  BundleRefused,
  federationStatus,
  mergeBundle,
  removeFederationMember,
  writeBundle,
} from "./service.js";
