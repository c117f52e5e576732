// The SMS gateways' webhooks: a signed delivery is answered with our reply in the gateway's own
// format; an unsigned or forged one reads nothing and is refused.
import type { FastifyInstance } from "fastify";
import { problem } from "../../errors.js";
import { answerOf, type GatewayName, readInbound } from "./gateways.js";
import { forwardOfficerReplies, receiveSms } from "./service.js";

const gateways: GatewayName[] = ["twilio", "generic"];

export function registerSmsRoutes(app: FastifyInstance) {
  const { services } = app;

  app.register(async (scope) => {
    // The signature covers the bytes as sent: the body is kept as text and read by the gateway's adapter.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ["application/json", "application/x-www-form-urlencoded"],
      { parseAs: "string", bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, body),
    );
    for (const gateway of gateways)
      scope.post(
        `/api/sms/${gateway}`,
        // Gateways deliver from a few addresses in bursts: the signature, not a per-address limit, keeps others out.
        { config: { access: "public" }, schema: { hide: true } },
        async (request, reply) => {
          const signature = request.headers[gateway === "twilio" ? "x-twilio-signature" : "x-conduct-signature"];
          const inbound = readInbound(
            services.config.sms,
            gateway,
            {
              url: request.url,
              rawBody: typeof request.body === "string" ? request.body : "",
              signature: typeof signature === "string" ? signature : undefined,
            },
            services.config.publicUrl,
          );
          if (!inbound)
            return reply
              .status(403)
              .type("application/problem+json")
              .send(problem(403, "sms_signature", "This delivery is not signed by the configured gateway."));
          const answer = answerOf(gateway, await receiveSms(services, gateway, inbound));
          return reply.type(answer.contentType).header("cache-control", "no-store").send(answer.body);
        },
      );
  });

  // An officer's reply on a report that came by text message leaves at once, not at the next cycle.
  app.addHook("onResponse", async (request, reply) => {
    if (request.method === "POST" && request.routeOptions.url === "/api/reports/:id/messages" && reply.statusCode < 300)
      void forwardOfficerReplies(services).catch((error: unknown) =>
        request.log.warn({ err: error }, "officer's reply not yet sent by SMS"),
      );
  });
}
