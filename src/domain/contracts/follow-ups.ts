// Contracts of follow-up actions with an owner and a due date (a risk mitigation, an after-action
// review's action), shared by their routes and the web app.
import { z } from "zod";

export const followUpFields = {
  action: z.string().trim().min(3).max(500),
  owner: z.string().trim().min(2).max(200),
  dueOn: z.iso.date(),
};
export const followUpBody = z.strictObject(followUpFields);

export const followUpSchema = z.object({
  id: z.string(),
  action: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  state: z.enum(["done", "overdue", "open"]),
  version: z.number(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const completionBody = z.strictObject({
  completedOn: z.iso.date(),
  note: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .default(null)
    .transform((value) => (value === "" ? null : value)),
  version: z.number().int().min(1),
});
