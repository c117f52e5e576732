// The cases module's entry: all that the app and other modules may use of it.
export { assertCaseVersion, authorizeCase, type CaseAbility } from "./authorize.js";
export { listPerpetrators } from "./perpetrators.js";
export {
  allocateCaseReference,
  assertCaseOpen,
  findCaseWithFacts,
  knownNationalities,
  refreshSearchDocument,
} from "./queries.js";
export { registerCaseRoutes } from "./routes.js";
export { advanceCase, caseTimeline, readCase } from "./service.js";
