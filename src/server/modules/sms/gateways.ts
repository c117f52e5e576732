// The SMS gateways: how each signs and shapes the messages it delivers to our webhook, how we answer
// it, and how we send a message through it. Twilio's format, and a generic one for any gateway that
// can post JSON with a shared secret (an SMS modem bridge, WhatsApp or Telegram relays).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Config } from "../../config.js";
import { escapeHtml } from "../../public/html.js";

export type GatewayName = "twilio" | "generic";
export interface Inbound {
  from: string;
  text: string;
  /** The gateway's id of the message: a retried delivery carries the same. */
  messageId: string | null;
}

const sameSecret = (expected: string, given: string) => {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Twilio signs the full address it posted to followed by each field's name and value in name order,
 * with HMAC-SHA1 keyed by the account's auth token, base64 (X-Twilio-Signature).
 */
export function twilioSignature(authToken: string, url: string, fields: Record<string, string>): string {
  const data = Object.keys(fields)
    .sort()
    .reduce((out, key) => out + key + fields[key], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** The generic gateway signs the raw body with HMAC-SHA256 keyed by the shared secret: "sha256=<hex>". */
export const genericSignature = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;

/** The delivered message if its signature holds, else null (an unsigned or forged delivery reads nothing). */
export function readInbound(
  config: Config["sms"],
  gateway: GatewayName,
  request: { url: string; rawBody: string; signature: string | undefined },
  publicUrl: string,
): Inbound | null {
  if (!request.signature) return null;
  if (gateway === "twilio") {
    if (!config.twilioAuthToken) return null;
    const fields = Object.fromEntries(new URLSearchParams(request.rawBody));
    const expected = twilioSignature(config.twilioAuthToken, `${publicUrl}${request.url}`, fields);
    if (!sameSecret(expected, request.signature) || !fields.From || fields.Body === undefined) return null;
    return { from: fields.From, text: fields.Body, messageId: fields.MessageSid ?? null };
  }
  if (!config.genericSecret) return null;
  if (!sameSecret(genericSignature(config.genericSecret, request.rawBody), request.signature)) return null;
  let body: { from?: unknown; text?: unknown; id?: unknown };
  try {
    body = JSON.parse(request.rawBody);
  } catch {
    return null;
  }
  if (typeof body.from !== "string" || typeof body.text !== "string") return null;
  return { from: body.from, text: body.text, messageId: typeof body.id === "string" ? body.id : null };
}

/** How the webhook answers, carrying our reply to the reporter. */
export function answerOf(gateway: GatewayName, reply: string): { contentType: string; body: string } {
  if (gateway === "twilio")
    return {
      contentType: "text/xml; charset=utf-8",
      body: `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeHtml(reply)}</Message></Response>`,
    };
  return { contentType: "application/json; charset=utf-8", body: JSON.stringify({ reply }) };
}

/** Sends one message through the configured gateway; throws when it is not accepted. */
export async function sendThroughGateway(config: Config["sms"], to: string, text: string, id: string) {
  if (config.gateway === "twilio") {
    if (!config.twilioAccountSid || !config.twilioAuthToken) throw new Error("Twilio is not configured");
    const response = await fetch(
      `${config.twilioApiBase}/2010-04-01/Accounts/${config.twilioAccountSid}/Messages.json`,
      {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${config.twilioAccountSid}:${config.twilioAuthToken}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ To: to, From: config.from, Body: text }).toString(),
        signal: AbortSignal.timeout(15_000),
      },
    );
    if (!response.ok) throw new Error(`Twilio answered ${response.status}`);
    return;
  }
  if (config.gateway === "generic") {
    if (!config.genericUrl || !config.genericSecret) throw new Error("The generic gateway is not configured");
    const body = JSON.stringify({ id, to, from: config.from, text });
    const response = await fetch(config.genericUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-conduct-signature": genericSignature(config.genericSecret, body),
      },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`The gateway answered ${response.status}`);
    return;
  }
  throw new Error("No SMS gateway is configured to send through");
}
