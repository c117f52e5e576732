// The staff app's addresses. The server sends the app's page for these and only these: any other
// public address gets the server's own "page not found", readable without JavaScript.
export const staffAppPaths = [
  "/staff",
  "/publish",
  "/figures",
  "/work",
  "/reports",
  "/reports/new",
  "/reports/$reportId",
  "/cases",
  "/cases/$caseId",
  "/victims",
  "/victims/$victimId",
  "/paternity",
  "/paternity/$claimId",
  "/trust-fund",
  "/screening",
  "/risk",
  "/training",
  "/units",
  "/leadership",
  "/good-practices",
  "/accountability",
  "/outreach",
  "/after-action",
  "/after-action/$reviewId",
  "/risk/assessments/$assessmentId",
  "/overdue",
  "/notifications",
  "/users",
  "/reference",
  "/help-information",
  "/audit",
  "/reveal-requests",
  "/tokens",
  "/account",
] as const;

/** The addresses as patterns: the server's and the offline app's (vite.config.ts) one test. */
export const staffAppPatterns = staffAppPaths.map((path) => new RegExp(`^${path.replace(/\$[A-Za-z]+/g, "[^/]+")}/?$`));

/** Whether an address (without its query) is a page of the staff app. */
export const isStaffAppPath = (pathname: string) => staffAppPatterns.some((pattern) => pattern.test(pathname));

// In navigation order; the first one a role may see is its home page (an auditor lands on the trail).
export const areas = [
  "work",
  "reports",
  "cases",
  "figures",
  "victims",
  "paternity",
  "overdue",
  "publish",
  "users",
  "reference",
  "audit",
  "revealRequests",
  "trustFund",
  "screening",
  "risk",
  "training",
  "units",
  "leadership",
  "afterAction",
  "outreach",
  "helpInformation",
  "goodPractices",
  "accountability",
  "notifications",
  "tokens",
] as const;
export type Area = (typeof areas)[number];

/** An area's address: its name, in kebab case. */
export const pathOf = (area: Area | "account") =>
  `/${area.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` as "/";

/** Where the offline staff app keeps who is signed in and the reference lists: emptied at sign-out. */
export const STAFF_SESSION_CACHE = "conduct-staff-session";
