// The reference module's entry: all that the app and other modules may use of it.
export { registerReferenceRoutes } from "./routes.js";
export {
  countryNamesIn,
  createEntity,
  createMission,
  namedEntities,
  receivingUnit,
  unitOfAnotherEntity,
} from "./service.js";
