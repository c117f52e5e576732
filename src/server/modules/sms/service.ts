// The SMS and messaging channel: a short conversation leads a reporter on a basic phone to a report
// and its receipt, then carries messages both ways between them and the officer. The number is never
// stored in the clear: a keyed hash threads the messages, the number is sealed to answer them and
// dropped after the configured time (or at once when they text STOP).
import { createHmac } from "node:crypto";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import { missions, reportMessages, smsConversations, smsMessages } from "../../../db/schema.js";
import { namedEntities } from "../reference/index.js";
import { type Report, reportBody } from "../../../domain/contracts/reports.js";
import { HEADQUARTERS } from "../../../domain/help.js";
import { asksToForget, chosenNumber, normalisePhone, numberedMenu, type SmsStep } from "../../../domain/sms.js";
import { publicActor, systemActor } from "../../auth/actor.js";
import { organisationOptions, reportLanguages, reportWords } from "../../public/report-words.js";
import { fieldContext } from "../../security/encryption.js";
import type { Services } from "../../services.js";
import { inTransaction, type Transaction } from "../../transaction.js";
import { currentHelp } from "../help/index.js";
import { addReporterMessage, submitReport } from "../intake/index.js";
import { type GatewayName, type Inbound, sendThroughGateway } from "./gateways.js";

type Conversation = typeof smsConversations.$inferSelect;
interface Draft {
  whatHappened?: string;
  organisationCode?: string | null;
  missionCode?: string | null;
}
/** Sends a failed reply is tried before it is left as failed (each periodic cycle tries once more). */
const MAX_ATTEMPTS = 5;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");

export const hashPhone = (services: Services, phone: string) =>
  createHmac("sha256", services.phonePepper).update(normalisePhone(phone)).digest("hex");

async function openMissions(tx: Transaction) {
  const rows = await tx
    .select({ code: missions.code })
    .from(missions)
    .where(isNull(missions.endYear))
    .orderBy(asc(missions.code));
  return rows.map((row) => row.code);
}

const welcome = () =>
  `${reportWords("en").sms.welcome} ${numberedMenu(reportLanguages().map((code) => reportWords(code).name))}`;
/** The organisations a reporter may name, as the form lists them (named in the reader's language). */
async function organisations(tx: Transaction, language: string) {
  return organisationOptions(reportWords(language), await namedEntities(tx), { brief: true });
}
const organisationMenu = (language: string, options: { label: string }[]) =>
  `${reportWords(language).sms.organisation} ${numberedMenu(options.map((option) => option.label))}, 0 ${reportWords(language).sms.organisationUnknown}`;
const missionMenu = (language: string, codes: string[]) =>
  `${reportWords(language).sms.mission} ${numberedMenu(codes)}, 0 ${reportWords(language).sms.missionUnknown}`;

/** A number to call for help: the mission's emergency line or hotline, else headquarters', else the help page. */
async function helpLine(services: Services, missionCode: string | null) {
  const help = await currentHelp(services);
  for (const scope of [missionCode, HEADQUARTERS]) {
    const contact = help
      .get(scope ?? "")
      ?.contacts.find((c) => ["emergency", "hotline", "victim_assistance"].includes(c.kind));
    if (contact) return contact.value;
  }
  return `${services.config.publicUrl}/help`;
}

type Outcome = { reply: string } | { file: { conversation: Conversation; draft: Draft; route: Report["route"] } };

/**
 * Answers one delivered message. A delivery seen before (the gateway retried) gets the same answer and
 * changes nothing; a report is filed once per conversation, whatever is retried.
 */
export async function receiveSms(services: Services, gateway: GatewayName, inbound: Inbound): Promise<string> {
  const text = inbound.text.trim().slice(0, 5_000);
  const phoneHash = hashPhone(services, inbound.from);
  const outcome = await inTransaction(services.db, systemActor, async (tx): Promise<Outcome> => {
    const created = await tx
      .insert(smsConversations)
      .values({ gateway, phoneHash, step: "language" })
      .onConflictDoNothing()
      .returning({ id: smsConversations.id });
    const [conversation] = await tx
      .select()
      .from(smsConversations)
      .where(and(eq(smsConversations.gateway, gateway), eq(smsConversations.phoneHash, phoneHash)))
      .for("update");
    if (inbound.messageId) {
      const [seen] = await tx
        .select({ id: smsMessages.id, reply: smsMessages.replyEncrypted })
        .from(smsMessages)
        .where(
          and(eq(smsMessages.conversationId, conversation.id), eq(smsMessages.gatewayMessageId, inbound.messageId)),
        );
      if (seen?.reply)
        return {
          reply: await services.encryption.decrypt(
            tx,
            seen.reply,
            fieldContext("sms_messages", "reply_encrypted", seen.id),
          ),
        };
    }
    const draft: Draft = conversation.draftEncrypted
      ? await services.encryption.decryptJson<Draft>(
          tx,
          conversation.draftEncrypted,
          fieldContext("sms_conversations", "draft_encrypted", conversation.id),
        )
      : {};
    const language = conversation.language ?? "en";
    const sms = reportWords(language).sms;
    let step = conversation.step as SmsStep;
    let chosenLanguage = conversation.language;
    let keepNumber = true;
    let reply: string;
    if (asksToForget(text)) {
      keepNumber = false;
      reply = sms.forgotten;
    } else if (step === "language") {
      const codes = reportLanguages();
      const choice = created.length ? null : chosenNumber(text, codes.length);
      if (choice === null) reply = welcome();
      else {
        chosenLanguage = codes[choice - 1];
        step = "what_happened";
        reply = reportWords(chosenLanguage).sms.whatHappened;
      }
    } else if (step === "what_happened") {
      if (text.length < 10) reply = sms.tooShort;
      else {
        draft.whatHappened = text;
        step = "organisation";
        reply = organisationMenu(language, await organisations(tx, language));
      }
    } else if (step === "organisation") {
      const options = await organisations(tx, language);
      const choice = chosenNumber(text, options.length, true);
      if (choice === null) reply = `${sms.chooseNumber} ${organisationMenu(language, options)}`;
      else {
        draft.organisationCode = choice === 0 ? null : options[choice - 1].value;
        step = "mission";
        reply = missionMenu(language, await openMissions(tx));
      }
    } else if (step === "mission") {
      const codes = await openMissions(tx);
      const choice = chosenNumber(text, codes.length, true);
      if (choice === null) reply = `${sms.chooseNumber} ${missionMenu(language, codes)}`;
      else {
        draft.missionCode = choice === 0 ? null : codes[choice - 1];
        step = "route";
        reply = sms.route;
      }
    } else if (step === "route") {
      const choice = chosenNumber(text, 2, true);
      if (choice === null) reply = `${sms.chooseNumber} ${sms.route}`;
      else {
        const route = choice === 2 ? "headquarters" : choice === 1 && draft.missionCode ? "mission" : "unknown";
        return { file: { conversation, draft, route } };
      }
    } else {
      if (conversation.reportId) {
        await addReporterMessage(services, tx, conversation.reportId, text);
        reply = sms.passedOn;
      } else {
        // The report is gone (retention): the conversation starts again.
        step = "language";
        reply = welcome();
      }
    }
    await saveTurn(services, tx, conversation, inbound, text, reply, {
      step,
      language: chosenLanguage,
      draft,
      phone: keepNumber ? inbound.from : null,
    });
    return { reply };
  });
  if ("reply" in outcome) return outcome.reply;

  // The report, in its own transaction; keyed by the conversation, so that it is filed once.
  const { conversation, draft, route } = outcome.file;
  const language = conversation.language ?? "en";
  const report = reportBody.parse({
    whatHappened: draft.whatHappened ?? text,
    missionCode: draft.missionCode ?? null,
    organisationCode: draft.organisationCode ?? null,
    route,
    anonymous: true,
    language,
  });
  const { receipt, reportId } = await submitReport(services, publicActor, report, "sms", conversation.id);
  const reply = fill(reportWords(language).sms.received, {
    receipt,
    help: await helpLine(services, report.missionCode),
  });
  await inTransaction(services.db, systemActor, (tx) =>
    saveTurn(services, tx, conversation, inbound, text, reply, {
      step: "open",
      language,
      draft: {},
      phone: inbound.from,
      reportId,
    }),
  );
  return reply;
}

/** Keeps where the conversation stands and the message with our answer (both encrypted). */
async function saveTurn(
  services: Services,
  tx: Transaction,
  conversation: Conversation,
  inbound: Inbound,
  text: string,
  reply: string,
  next: { step: SmsStep; language: string | null; draft: Draft; phone: string | null; reportId?: string },
) {
  const seal = (column: string, value: string) =>
    services.encryption.encrypt(tx, value, fieldContext("sms_conversations", column, conversation.id));
  await tx
    .update(smsConversations)
    .set({
      step: next.step,
      language: next.language,
      draftEncrypted: Object.keys(next.draft).length ? await seal("draft_encrypted", JSON.stringify(next.draft)) : null,
      // Sealed once: a later turn keeps the sealed number rather than encrypting it again.
      phoneEncrypted: next.phone
        ? (conversation.phoneEncrypted ?? (await seal("phone_encrypted", normalisePhone(next.phone))))
        : null,
      lastInboundAt: new Date(),
      ...(next.reportId ? { reportId: next.reportId } : {}),
    })
    .where(eq(smsConversations.id, conversation.id));
  const id = crypto.randomUUID();
  await tx
    .insert(smsMessages)
    .values({
      id,
      conversationId: conversation.id,
      direction: "in",
      gatewayMessageId: inbound.messageId,
      bodyEncrypted: await services.encryption.encrypt(tx, text, fieldContext("sms_messages", "body_encrypted", id)),
      replyEncrypted: await services.encryption.encrypt(tx, reply, fieldContext("sms_messages", "reply_encrypted", id)),
      status: "received",
    })
    .onConflictDoNothing();
}

/**
 * Sends the officers' replies on reports that came by text message: each reply queued once (keyed
 * by its message), then sent through the gateway, tried again on later cycles when it fails.
 */
export async function forwardOfficerReplies(services: Services) {
  if (!services.config.sms.gateway) return { sent: 0, failed: 0 };
  await inTransaction(services.db, systemActor, async (tx) => {
    const replies = await tx
      .select({
        messageId: reportMessages.id,
        body: reportMessages.bodyEncrypted,
        conversationId: smsConversations.id,
        language: smsConversations.language,
      })
      .from(reportMessages)
      .innerJoin(smsConversations, eq(smsConversations.reportId, reportMessages.reportId))
      .where(
        sql`${reportMessages.fromReporter} = false and ${smsConversations.phoneEncrypted} is not null
          and not exists (select 1 from ${smsMessages} m where m.conversation_id = ${smsConversations.id}
            and m.gateway_message_id = 'reply:' || ${reportMessages.id})`,
      )
      .limit(200);
    for (const reply of replies) {
      const message = await services.encryption.decrypt(
        tx,
        reply.body,
        fieldContext("report_messages", "body_encrypted", reply.messageId),
      );
      const id = crypto.randomUUID();
      const text = fill(reportWords(reply.language ?? "en").sms.fromOfficer, { message });
      await tx
        .insert(smsMessages)
        .values({
          id,
          conversationId: reply.conversationId,
          direction: "out",
          gatewayMessageId: `reply:${reply.messageId}`,
          bodyEncrypted: await services.encryption.encrypt(
            tx,
            text,
            fieldContext("sms_messages", "body_encrypted", id),
          ),
          status: "queued",
        })
        .onConflictDoNothing();
    }
  });
  return sendQueued(services);
}

async function sendQueued(services: Services) {
  return inTransaction(services.db, systemActor, async (tx) => {
    // Locked and skipped by another instance's cycle: each message is sent by one instance only.
    const queued = await tx
      .select({
        id: smsMessages.id,
        body: smsMessages.bodyEncrypted,
        attempts: smsMessages.attempts,
        conversationId: smsConversations.id,
        phone: smsConversations.phoneEncrypted,
      })
      .from(smsMessages)
      .innerJoin(smsConversations, eq(smsConversations.id, smsMessages.conversationId))
      .where(and(eq(smsMessages.status, "queued"), lt(smsMessages.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(smsMessages.createdAt))
      .limit(50)
      .for("update", { of: smsMessages, skipLocked: true });
    let sent = 0;
    let failed = 0;
    for (const message of queued) {
      let status: "sent" | "queued" | "failed" = "sent";
      try {
        if (!message.phone) throw new Error("the number was forgotten");
        const to = await services.encryption.decrypt(
          tx,
          message.phone,
          fieldContext("sms_conversations", "phone_encrypted", message.conversationId),
        );
        const text = await services.encryption.decrypt(
          tx,
          message.body,
          fieldContext("sms_messages", "body_encrypted", message.id),
        );
        await sendThroughGateway(services.config.sms, to, text, message.id);
        sent++;
      } catch {
        status = message.attempts + 1 >= MAX_ATTEMPTS ? "failed" : "queued";
        failed++;
      }
      await tx
        .update(smsMessages)
        .set({ status, attempts: sql`${smsMessages.attempts} + 1` })
        .where(eq(smsMessages.id, message.id));
    }
    return { sent, failed };
  });
}

/** Lets go of the numbers of reporters who have not written for the configured time. */
export async function forgetOldNumbers(services: Services) {
  const days = services.config.sms.numberRetentionDays;
  return inTransaction(services.db, systemActor, async (tx) => {
    const forgotten = await tx
      .update(smsConversations)
      .set({ phoneEncrypted: null })
      .where(
        sql`${smsConversations.phoneEncrypted} is not null and ${smsConversations.lastInboundAt} < now() - make_interval(days => ${days})`,
      )
      .returning({ id: smsConversations.id });
    return forgotten.length;
  });
}
