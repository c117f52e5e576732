// Builds the Fastify application (without listening): the one path every request takes —
// validated input, authentication, policy, service in one transaction with its audit event.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { constants as zlib } from "node:zlib";
import compress from "@fastify/compress";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyRequest, type FastifyServerOptions } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Actor } from "./auth/actor.js";
import { resolveActor } from "./auth/context.js";
import { recordAuditEvent } from "./modules/audit/index.js";
import { registerIdempotentWrites } from "./idempotency.js";
import { inTransaction } from "./transaction.js";
import { registerAuthBridge } from "./auth/sign-in.js";
import { registerSsoCallback } from "./auth/sso.js";
import { discoverSignOutAddresses } from "./auth/sso-sign-out.js";
import {
  DATABASE_RETRY_SECONDS,
  DomainError,
  Forbidden,
  problem,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
} from "./errors.js";
import { isDatabaseUnavailable } from "../db/connection.js";
import { registerAuditRoutes } from "./modules/audit/index.js";
import { registerCaseRoutes } from "./modules/cases/index.js";
import { registerDeadlineRoutes } from "./modules/deadlines/index.js";
import { registerFirstPage, registerWorkRoutes } from "./modules/work/index.js";
import { registerGoodPracticeRoutes } from "./modules/good-practices/index.js";
import { registerPublicationRoutes } from "./modules/publication/index.js";
import { registerActionRoutes, registerInvestigationRoutes } from "./modules/enforcement/index.js";
import { registerHealthRoutes } from "./modules/health/index.js";
import { registerIntakeRoutes } from "./modules/intake/index.js";
import { registerReferralRoutes } from "./modules/referrals/index.js";
import { registerDocumentRoutes } from "./modules/documents/index.js";
import { languageOf, registerPublicPages } from "./public/routes.js";
import { registerHelpRoutes } from "./modules/help/index.js";
import { registerLanguageRoutes } from "./modules/languages/index.js";
import { registerSmsRoutes } from "./modules/sms/index.js";
import { notFoundPage } from "./public/home.js";
import { certainlySignedOut, nextAddress, registerSignInPage, staffAppFiles } from "./public/sign-in.js";
import { isStaffAppPath } from "../domain/contracts/staff-app.js";
import { registerPublicDataPages } from "./public/data-routes.js";
import { registerReferenceRoutes } from "./modules/reference/index.js";
import { registerTokenRoutes } from "./modules/tokens/index.js";
import { registerRevealRoutes } from "./modules/reveals/index.js";
import { registerRedactionRoutes } from "./modules/retention/index.js";
import { registerUserRoutes } from "./modules/users/index.js";
import { registerSsoRoutes } from "./modules/sso/index.js";
import { registerFederationRoutes } from "./modules/federation/index.js";
import { registerVictimRoutes } from "./modules/victims/index.js";
import { registerPaternityRoutes } from "./modules/paternity/index.js";
import { registerTrustFundRoutes } from "./modules/trust-fund/index.js";
import { registerScreeningRoutes } from "./modules/screening/index.js";
import { registerRiskRoutes } from "./modules/risk/index.js";
import { registerTrainingRoutes } from "./modules/training/index.js";
import { registerCommandRoutes } from "./modules/command/index.js";
import { registerLeadershipRoutes } from "./modules/leadership/index.js";
import { registerAfterActionRoutes } from "./modules/after-action/index.js";
import { registerOutreachRoutes } from "./modules/outreach/index.js";
import { registerCommitmentRoutes } from "./modules/commitments/index.js";
import { registerAccountabilityRoutes } from "./modules/accountability/index.js";
import { type AppDependencies, provideServices, type Services } from "./services.js";

/** Who may reach a route before the policy looks at it: anyone, a half-signed-in user, or staff. */
export type RouteAccess = "public" | "enrolment" | "staff";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

function databaseUnavailable(request: FastifyRequest, error: unknown) {
  request.log.warn({ code: (error as { code?: string }).code }, "database unavailable");
  return new ServiceUnavailable(
    "The database cannot be reached for a moment. Try again in a few seconds.",
    DATABASE_RETRY_SECONDS,
  );
}

export async function buildApp(deps: AppDependencies, options: { logger?: FastifyServerOptions["logger"] } = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.CONDUCT_TRUST_PROXY === "on",
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const services = provideServices(app, deps);
  app.decorateRequest("actor", null);

  // Set before any plugin registers routes: a plugin's routes keep the error handler in force when it was registered.
  app.setErrorHandler(async (caught: unknown, request, reply) => {
    const error = isDatabaseUnavailable(caught) ? databaseUnavailable(request, caught) : caught;
    const send = (status: number, code: string, detail: string, extras = {}) =>
      reply
        .status(status)
        .type("application/problem+json")
        .send(problem(status, code, detail, extras));
    if (error instanceof DomainError) {
      if ((error.status === 403 || error.status === 404) && request.actor) await recordDenial(services, request);
      if (typeof error.extras.retryAfterSeconds === "number")
        reply.header("retry-after", error.extras.retryAfterSeconds);
      return send(error.status, error.code, error.message, error.extras);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((issue) => ({
        path: [error.validationContext, ...String(issue.instancePath).split("/").filter(Boolean)].join("."),
        message: issue.message ?? "is not valid",
      }));
      return send(
        400,
        "validation_failed",
        `The request is not valid: ${errors.map((e) => `${e.path} ${e.message}`).join("; ")}.`,
        { errors },
      );
    }
    const fastifyError = error as { statusCode?: number; code?: string; message?: string };
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const known: Record<string, [string, string]> = {
        FST_ERR_CTP_INVALID_JSON_BODY: ["malformed_json", "The request body is not valid JSON."],
        FST_ERR_CTP_EMPTY_JSON_BODY: ["malformed_json", "The request body is empty but JSON was declared."],
        FST_ERR_CTP_BODY_TOO_LARGE: ["request_too_large", "The request body is larger than this endpoint accepts."],
        FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported_media_type", "Send the request body as application/json."],
      };
      const [code, detail] = known[fastifyError.code ?? ""] ?? [
        "bad_request",
        fastifyError.message ?? "The request could not be processed.",
      ];
      return send(fastifyError.statusCode, code, detail);
    }
    request.log.error({ err: error }, "unexpected error");
    return send(
      500,
      "internal_error",
      "Something went wrong on our side. The error has been logged; try again, and tell your administrator if it persists.",
    );
  });

  const routes: { method: string; url: string; access: RouteAccess }[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url, access: route.config?.access ?? "staff" });
    }
    if (mayCarrySecrets(route.method, route.url)) route.compress = false;
  });
  app.decorate("routeList", routes);
  // Reads are compressed for slow field links (brotli at a quality cheap enough per request). Before
  // any route: the plugin's own route hook runs after ours and reads `compress` as set above.
  await app.register(compress, {
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // The sign-in form's answer leads on to an organisation's identity provider.
        formAction: ["'self'", ...new Set(deps.config.ssoProviders.map((provider) => new URL(provider.issuer).origin))],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: deps.config.publicUrl.startsWith("https://"),
  });
  // Per-address limits on public routes, counted in memory only: the address is never stored.
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => request.ip,
    errorResponseBuilder: (_request, context) =>
      new TooManyRequests(
        "Too many requests from this connection. Wait a minute, then try again.",
        Math.ceil(context.ttl / 1000),
      ),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Conduct Ledger API",
        version: "0.1.0",
        description:
          "Conduct and discipline in UN peace operations. Every write accepts an `Idempotency-Key` header (8 to 128 letters, digits, `_ . : -`): sent again with the same key, the write is done once and its first answer replayed (header `idempotent-replayed: true`); a retry arriving while the first is still being answered gets 409 `request_in_progress`; a key reused for a different request gets 422 `idempotency_key_reused`. Keys are kept a week.",
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "An API token (ctk_…) created in the web app or with `conduct tokens create`.",
          },
          session: { type: "apiKey", in: "cookie", name: "__Secure-conduct.session_token" },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    // Our own policy rather than the plugin's, which allows any https: source.
    transformStaticCSP: () =>
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'",
    uiConfig: { docExpansion: "list" },
  });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());

  // Before the body is even parsed: an anonymous or half-signed-in caller learns nothing from validation.
  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config?.access ?? "staff";
    // The API documentation describes routes, not data: it is public, like /api/openapi.json.
    if (access === "public" || !request.url.startsWith("/api/") || request.url.startsWith("/api/docs")) return;
    const actor = await resolveActor(request, services);
    if (!actor) throw new Unauthorized();
    if (actor.twoFactorPending && access !== "enrolment") {
      throw new Forbidden("Set up two-factor authentication before you continue.", "two_factor_enrolment_required");
    }
    request.actor = actor;
  });
  registerIdempotentWrites(app, services);

  registerAuthBridge(app, services);
  discoverSignOutAddresses(deps.config);
  registerSsoCallback(app, services);
  registerHealthRoutes(app);
  registerReferenceRoutes(app);
  registerUserRoutes(app);
  registerSsoRoutes(app);
  registerTokenRoutes(app);
  registerRevealRoutes(app);
  registerRedactionRoutes(app);
  registerAuditRoutes(app);
  registerCaseRoutes(app);
  registerIntakeRoutes(app);
  registerReferralRoutes(app);
  registerDocumentRoutes(app);
  registerInvestigationRoutes(app);
  registerActionRoutes(app);
  registerDeadlineRoutes(app);
  registerWorkRoutes(app);
  registerPublicationRoutes(app);
  registerGoodPracticeRoutes(app);
  registerCommitmentRoutes(app);
  registerAccountabilityRoutes(app);
  registerVictimRoutes(app);
  registerPaternityRoutes(app);
  registerTrustFundRoutes(app);
  registerScreeningRoutes(app);
  registerFederationRoutes(app);
  registerRiskRoutes(app);
  registerTrainingRoutes(app);
  registerCommandRoutes(app);
  registerLeadershipRoutes(app);
  registerAfterActionRoutes(app);
  registerOutreachRoutes(app);
  registerHelpRoutes(app);
  registerLanguageRoutes(app);
  registerSmsRoutes(app);
  registerPublicPages(app);
  registerPublicDataPages(app);
  const hasWeb = existsSync(path.join(webRoot, "index.html"));
  const prefetch = hasWeb ? staffAppFiles(webRoot) : [];
  const showSignIn = registerSignInPage(app, services, prefetch);
  registerFirstPage(app, services, prefetch);

  if (hasWeb) {
    // The build names assets by their content, so a browser keeps them for a year and asks again
    // only for the page that names them; each is sent in the compressed form written at build time.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      preCompressed: true,
      maxAge: "365d",
      immutable: true,
      // Files whose names do not change with their content are always asked for again.
      globIgnore: unhashedWebFiles.map((file) => file.slice(1)),
    });
    for (const file of unhashedWebFiles)
      app.get(file, { schema: { hide: true }, config: { access: "public" } }, (_request, reply) =>
        reply.sendFile(file.slice(1), { maxAge: 0, immutable: false }),
      );
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split("?")[0];
    if (request.method === "GET" && !pathname.startsWith("/api/")) {
      // The staff app draws its own pages; any other address is a public one that does not exist.
      if (hasWeb && isStaffAppPath(pathname)) {
        // Signed out for certain: the sign-in page at once, rather than the app that would send there.
        if (certainlySignedOut(request)) return showSignIn(request, reply, nextAddress(request.url));
        return reply.type("text/html").sendFile("index.html", { maxAge: 0, immutable: false });
      }
      return reply
        .status(404)
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(notFoundPage(languageOf(request, reply)));
    }
    return reply
      .status(404)
      .type("application/problem+json")
      .send(problem(404, "route_not_found", `There is no ${request.method} ${request.url.split("?")[0]} in this API.`));
  });
  return app;
}

/** The offline app's service worker, its manifest and the page it keeps: never held by a browser's cache. */
const unhashedWebFiles = ["/index.html", "/sw.js", "/manifest.webmanifest", "/icon.svg"];

/**
 * Responses that can carry a secret are never compressed, so that their length tells an observer
 * nothing (BREACH): sign-in and session answers, the CSRF token in /api/me, and every write's answer
 * (new API tokens, one-time passwords, two-factor keys, receipts).
 */
export function mayCarrySecrets(method: string | string[], url: string) {
  return [method].flat().some((m) => m !== "GET" && m !== "HEAD") || url.startsWith("/api/auth") || url === "/api/me";
}

/**
 * A refused or out-of-scope request by a signed-in person is itself an audit event, written apart
 * from the failed use-case's transaction (which rolled back). Probing for records shows up here.
 */
async function recordDenial(services: Services, request: FastifyRequest) {
  const actor = request.actor as Actor;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const subjectId =
    typeof params.id === "string" ? params.id : typeof params.code === "string" ? params.code : undefined;
  try {
    await inTransaction(services.db, actor, (tx) =>
      recordAuditEvent(tx, actor, {
        action: "access.denied",
        subjectId,
        outcome: "denied",
        details: { method: request.method, route: request.routeOptions.url ?? "" },
      }),
    );
  } catch (error) {
    request.log.error({ err: error }, "could not record a denied request in the audit trail");
  }
}

export type App = Awaited<ReturnType<typeof buildApp>>;

declare module "fastify" {
  interface FastifyInstance {
    routeList: { method: string; url: string; access: RouteAccess }[];
  }
}
