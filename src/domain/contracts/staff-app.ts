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

/** Where the offline staff app keeps who is signed in and the reference lists: emptied at sign-out. */
export const STAFF_SESSION_CACHE = "conduct-staff-session";
