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

const patterns = staffAppPaths.map((path) => new RegExp(`^${path.replace(/\$[A-Za-z]+/g, "[^/]+")}/?$`));

/** Whether an address (without its query) is a page of the staff app. */
export const isStaffAppPath = (pathname: string) => patterns.some((pattern) => pattern.test(pathname));
