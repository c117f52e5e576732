// The words of a note verbale: French names States with their article, and nothing is left blank.
import { describe, expect, it } from "vitest";
import { frenchOfState, writeNoteVerbale } from "./notes-verbales.js";

describe("notes verbales", () => {
  it("name a State in French with its article, or none where French uses none", () => {
    const cases: [string, string][] = [
      ["Ghana", "du Ghana"],
      ["Rwanda", "du Rwanda"],
      ["France", "de la France"],
      ["Inde", "de l'Inde"],
      ["Éthiopie", "de l'Éthiopie"],
      ["Pays-Bas", "des Pays-Bas"],
      ["Madagascar", "de Madagascar"],
      ["Haïti", "d'Haïti"],
      ["Honduras", "du Honduras"],
      ["Mozambique", "du Mozambique"],
      ["République-Unie de Tanzanie", "de la République-Unie de Tanzanie"],
      ["Bangladesh", "du Bangladesh"],
      ["Zambie", "de la Zambie"],
    ];
    for (const [name, expected] of cases) expect(frenchOfState(name)).toBe(expected);
  });

  it("write every template in both languages with the case's particulars and no gaps", () => {
    for (const template of ["notification", "request_nio", "reminder", "outcome"] as const)
      for (const language of ["en", "fr"] as const) {
        const letter = writeNoteVerbale(
          template,
          language,
          {
            reference: "MINUSCA-2026-0001",
            missionCode: "MINUSCA",
            missionName: "MINUSCA mission",
            stateName: "Ghana",
            allegations: ["Sexual abuse"],
            personnel: ["Military (MC)"],
            dateReported: "2026-11-02",
            replyDueOn: "2026-11-16",
            previous: template === "reminder" ? { number: "CDS/NV/2026/0001", datedOn: "2026-11-03" } : null,
          },
          { number: "CDS/NV/2026/0002", datedOn: "2026-12-01" },
        );
        const text = [letter.addressee, ...letter.paragraphs, ...letter.particulars.flat()].join(" ");
        expect(text).toContain("MINUSCA-2026-0001");
        expect(text).not.toMatch(/undefined|null|\$\{/);
        if (template === "reminder") expect(text).toContain("CDS/NV/2026/0001");
        expect(letter.particulars).toHaveLength(5);
      }
  });
});
