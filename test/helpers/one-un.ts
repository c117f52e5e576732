// One UN test setting: a UNICEF office beside the peace operations, and a case opened at MONUSCO from
// a public report, as the tests of moving and sharing cases between entities need them.
import { expect } from "vitest";
import { type Actor, systemActor } from "../../src/server/auth/actor.js";
import { inTransaction, type Transaction } from "../../src/server/transaction.js";
import { createMission } from "../../src/server/modules/reference/index.js";
import type { TestApp } from "./app.js";

export type Client = Awaited<ReturnType<TestApp["tokenFor"]>>;

/** Opens UNICEF's Kinshasa office (entity UNICEF) in the test database. */
export const openUnicefOffice = (t: TestApp) =>
  createMission(t.app.services, systemActor, {
    code: "UNICEF-KIN",
    entityCode: "UNICEF",
    name: "UNICEF Kinshasa",
    nameFr: null,
    kind: "entity_office",
    hostCountryCode: "COD",
    location: "Kinshasa",
    startYear: 1994,
    endYear: null,
  });

/** A public report at MONUSCO made into a case by MONUSCO's officer. */
export async function caseAtMonusco(t: TestApp, officer: Client) {
  const sent = await t.app.inject({
    method: "POST",
    url: "/api/public/reports",
    payload: {
      whatHappened: "A worker of the partner that runs the child-friendly space asked a girl to come to his house.",
      missionCode: "MONUSCO",
      anonymous: true,
    },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const [report] = (await officer.request({ method: "GET", url: "/api/reports?mission=MONUSCO&unlinked=true" })).json()
    .items as { id: string; version: number }[];
  const opened = await officer.request({
    method: "POST",
    url: `/api/reports/${report.id}/case`,
    payload: { version: report.version },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return { reportId: report.id, caseId: opened.json().caseId as string };
}

/** Reads as UNICEF's Kinshasa conduct officer through the database's own rules alone (no API in between). */
export const asUnicefOfficer = <T>(t: TestApp, userId: string, work: (tx: Transaction) => Promise<T>) =>
  inTransaction(
    t.app.services.db,
    { userId, role: "cdt_officer", missionCodes: ["UNICEF-KIN"], countryCode: null, via: "token" } satisfies Actor,
    work,
  );
