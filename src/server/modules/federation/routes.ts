// HTTP for federation (administrators): this installation's key and members, its signed bundle to
// download, and a member's bundle to merge (uploaded as it was downloaded, gzipped).
import type { Readable } from "node:stream";
import { createGzip } from "node:zlib";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addFederationMemberBody,
  federationMemberCode,
  federationMemberSchema,
  federationSchema,
  mergedBundleSchema,
  removedFederationMemberSchema,
} from "../../../domain/contracts/federation.js";
import { staffOf } from "../../auth/actor.js";
import {
  addFederationMember,
  assertMayFederate,
  federationStatus,
  mergeBundle,
  removeFederationMember,
  writeBundle,
} from "./service.js";

const tags = ["federation"];
/** A bundle of a million figures and a million hashes is some 60 MB gzipped. */
const BUNDLE_LIMIT = 512 * 1024 * 1024;

export function registerFederationRoutes(app: FastifyInstance) {
  const { services } = app;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/federation",
    {
      schema: {
        tags,
        summary:
          "This installation's signing key and screening key (fingerprints) and the members whose bundles it merges",
        response: { 200: federationSchema },
      },
    },
    async (request) => federationStatus(services, staffOf(request)),
  );

  typed.post(
    "/api/federation/members",
    {
      schema: {
        tags,
        summary: "Register an installation (its public key and the entities it reports) to merge its bundles (audited)",
        body: addFederationMemberBody,
        response: { 201: federationMemberSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addFederationMember(services, staffOf(request), request.body)),
  );

  typed.delete(
    "/api/federation/members/:code",
    {
      schema: {
        tags,
        summary:
          "Remove a member installation: what it sent stops counting in the figures and screening here (audited)",
        params: z.strictObject({ code: federationMemberCode }),
        response: { 200: removedFederationMemberSchema },
      },
    },
    async (request) => removeFederationMember(services, staffOf(request), request.params.code),
  );

  typed.get(
    "/api/federation/bundle",
    {
      schema: {
        tags,
        summary:
          "This installation's signed bundle: its published figures and screening hashes, never case content (audited)",
        produces: ["application/gzip"],
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      assertMayFederate(actor);
      const gzip = createGzip();
      writeBundle(services, actor, gzip).then(
        () => gzip.end(),
        (error) => gzip.destroy(error),
      );
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .header("content-type", "application/gzip")
        .header("content-disposition", `attachment; filename="federation-bundle-${stamp}.ndjson.gz"`)
        .send(gzip);
    },
  );

  app.register(async (scope) => {
    // The bundle is read as it arrives: its signature is checked over the lines as they stream in.
    scope.addContentTypeParser("application/gzip", { bodyLimit: BUNDLE_LIMIT }, (_request, payload, done) =>
      done(null, payload),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/federation/bundles",
      {
        bodyLimit: BUNDLE_LIMIT,
        schema: {
          tags,
          summary:
            "Merge a member's signed bundle in place of its last (application/gzip); refused with the reason if it does not verify",
          consumes: ["application/gzip"],
          response: { 200: mergedBundleSchema },
        },
      },
      async (request) => mergeBundle(services, staffOf(request), request.body as Readable),
    );
  });
}
