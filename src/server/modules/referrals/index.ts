// The referrals module's entry: all that the app and other modules may use of it.
export { registerReferralRoutes } from "./routes.js";
export { listCaseReferrals, listOverdueReferrals } from "./service.js";
