// The accountability module's entry: all that the app and other modules may use of it.
export { registerAccountabilityRoutes } from "./routes.js";
export {
  type PublicCommandByMission,
  publicCommandByMission,
  publicComparison,
  publicScorecard,
  type PublicComparisonRow,
  type PublicScorecard,
} from "./service.js";
