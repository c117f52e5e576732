// A mutation on one victim's record, shared by the record's panels.
import { useMutation, useQueryClient } from "@tanstack/react-query";

/** A mutation that refreshes the victim record (and the caseload) when it succeeds, then runs `done`. */
export function useVictimMutation<T>(victimId: string, request: (values: T) => Promise<unknown>, done?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["victims"] });
      await queryClient.invalidateQueries({ queryKey: ["victim", victimId] });
      done?.();
    },
  });
}
