// Opening a report sealed in a browser while offline: each envelope with the server's key, then
// the same checks as a report sent in the clear. What cannot be opened is named, never guessed at.
import type { z } from "zod";
import {
  sealedEvidenceContent,
  type sealedReportBody,
  sealedReportContent,
} from "../../../domain/contracts/reports.js";
import { type Envelope, open } from "../../../domain/sealing.js";
import { ValidationFailed } from "../../errors.js";
import type { Services } from "../../services.js";

async function openChecked<T>(services: Services, envelope: Envelope, schema: z.ZodType<T>, path: string): Promise<T> {
  const key = await services.sealingKey();
  if (envelope.keyId !== key.published.keyId)
    throw new ValidationFailed(
      "This report was sealed to a key this server does not hold (its master key changed since): it cannot be opened here.",
      [{ path, message: "sealing_key_unknown" }],
      "sealing_key_unknown",
    );
  let content: unknown;
  try {
    content = JSON.parse(new TextDecoder().decode(await open(key.privateKey, envelope)));
  } catch {
    throw new ValidationFailed(
      "The sealed report was damaged on the way: it does not open.",
      [{ path, message: "sealed_report_damaged" }],
      "sealed_report_damaged",
    );
  }
  const parsed = schema.safeParse(content);
  if (!parsed.success)
    throw new ValidationFailed(
      "The sealed report does not hold a valid report.",
      parsed.error.issues.map((issue) => ({ path: [path, ...issue.path].join("."), message: issue.message })),
    );
  return parsed.data;
}

/** The report and files a sealed body holds, as `POST /api/reports` takes them. */
export async function openSealedReport(services: Services, body: z.output<typeof sealedReportBody>) {
  const { channel, report } = await openChecked(services, body.report, sealedReportContent, "report");
  const evidence = [];
  for (const [index, envelope] of body.evidence.entries())
    evidence.push(await openChecked(services, envelope, sealedEvidenceContent, `evidence.${index}`));
  return { channel, report, evidence };
}
