import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeFileName, sniffEvidenceType } from "./evidence.js";

describe("evidence files", () => {
  it("recognises accepted types by content and refuses the rest, whatever the name says", () => {
    expect(
      sniffEvidenceType(
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(8)]),
      ),
    ).toBe("image/png");
    expect(sniffEvidenceType(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("application/pdf");
    expect(sniffEvidenceType(Buffer.from("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"))).toBe(
      "audio/mpeg",
    );
    expect(sniffEvidenceType(Buffer.from("MZ\u0090\u0000 this is a Windows program"))).toBeNull();
    expect(sniffEvidenceType(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(sniffEvidenceType(Buffer.from("tiny"))).toBeNull();
  });

  it("file names lose folders, control characters and leading dots, and are never empty", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\me\\photo.jpg")).toBe("photo.jpg");
    expect(safeFileName("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
    expect(safeFileName("..")).toBe("evidence");
    expect(safeFileName(" .hidden")).toBe("hidden");
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const safe = safeFileName(name);
        return (
          safe.length > 0 &&
          safe.length <= 120 &&
          !/[\\/]/.test(safe) &&
          !/[\p{Cc}\p{Cf}]/u.test(safe) &&
          !safe.startsWith(".")
        );
      }),
    );
  });
});
