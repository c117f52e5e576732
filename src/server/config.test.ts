import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";

const unicef = {
  id: "unicef",
  name: "UNICEF",
  issuer: "https://login.example.org/realms/unicef",
  clientId: "conduct",
  clientSecret: "s3cret",
};

describe("the identity providers' setting", () => {
  it("reads a list of providers, asking `openid email profile` plus each one's own scopes", () => {
    expect(readConfig({}).ssoProviders).toEqual([]);
    const config = readConfig({
      CONDUCT_SSO_PROVIDERS: JSON.stringify([unicef, { ...unicef, id: "unhcr", scopes: ["roles"] }]),
    });
    expect(config.ssoProviders.map((provider) => [provider.id, provider.scopes])).toEqual([
      ["unicef", []],
      ["unhcr", ["roles"]],
    ]);
  });

  it("stops the server with the reason when the list is malformed", () => {
    expect(() => readConfig({ CONDUCT_SSO_PROVIDERS: "[{id: unicef}" })).toThrow(/is not JSON/);
    expect(() => readConfig({ CONDUCT_SSO_PROVIDERS: JSON.stringify([{ ...unicef, issuer: "not a url" }]) })).toThrow(
      /not valid.*issuer/s,
    );
    expect(() => readConfig({ CONDUCT_SSO_PROVIDERS: JSON.stringify([{ ...unicef, id: "Bad Id" }]) })).toThrow(/id/);
    expect(() => readConfig({ CONDUCT_SSO_PROVIDERS: JSON.stringify([unicef, unicef]) })).toThrow(/twice/);
  });
});
