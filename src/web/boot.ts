// The staff app's first file, a kilobyte: it asks who is signed in before fetching the app, so that a
// signed-out visitor on a slow line gets the server's sign-in page (a few kilobytes, fetching the
// app in the background while they type) rather than waiting for the whole app first.
import { firstAnswer, signInAddress } from "./first-answer.js";

// No answer at all (offline): the app opens and says so.
if ((await firstAnswer)?.status === 401) location.replace(signInAddress());
else await import("./main.js");
