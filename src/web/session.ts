// Who is signed in, from GET /api/me; null when nobody is.
import { useQuery } from "@tanstack/react-query";
import type { Me } from "../domain/contracts/users.js";
import { ApiProblem, api, setCsrfToken } from "./api.js";
import { takeFirstAnswer } from "./first-answer.js";
import { STAFF_SESSION_CACHE } from "../domain/contracts/staff-app.js";

export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>("GET", "/api/me", undefined, { first: takeFirstAnswer() });
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) {
          setCsrfToken(null);
          // Signed out elsewhere (the server's pages sign out with a form): the offline copy of who
          // was signed in goes too, as with the app's own sign-out.
          if ("caches" in window) void caches.delete(STAFF_SESSION_CACHE);
          return null;
        }
        throw error;
      }
    },
  });
}
