// Who is signed in, asked once by the app's first file; the app reads that same answer rather than
// asking again.
export const firstAnswer: Promise<Response | null> = fetch("/api/me", {
  credentials: "same-origin",
  headers: { accept: "application/json" },
}).catch(() => null);

let taken = false;

/** The first answer, once; later asks go to the server. */
export function takeFirstAnswer(): Promise<Response | null> | null {
  if (taken) return null;
  taken = true;
  return firstAnswer;
}

/** The server's sign-in page, coming back to this page once signed in. */
export const signInAddress = () => `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
