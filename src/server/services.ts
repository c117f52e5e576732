// The services every module is given — database, configuration, sign-in, field encryption and the
// secrets derived from the master key — provided on the Fastify instance, so that a module reads
// them from `app.services` and its type from here, never from the app that registers it.
import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../db/connection.js";
import { createAuth } from "./auth/better-auth.js";
import type { Config } from "./config.js";
import { deriveSecret, FieldEncryption } from "./security/encryption.js";
import { deriveSealingKey } from "./security/sealing-key.js";

export interface AppDependencies {
  handle: DatabaseHandle;
  config: Config;
  masterKey: Buffer;
}

export type Services = ReturnType<typeof createServices>;

function createServices({ handle, config, masterKey }: AppDependencies) {
  const authSecret = deriveSecret(masterKey, "auth");
  return {
    handle,
    db: handle.db,
    config,
    auth: createAuth(handle.db, config, authSecret),
    encryption: new FieldEncryption(masterKey),
    csrfSecret: deriveSecret(masterKey, "csrf"),
    addressPepper: deriveSecret(masterKey, "sign-in-address"),
    receiptPepper: Buffer.from(deriveSecret(masterKey, "receipt-pepper"), "base64url"),
    /** Keys the hash that threads a reporter's text messages: the number itself is never stored in the clear. */
    phonePepper: Buffer.from(deriveSecret(masterKey, "sms-phone"), "base64url"),
    /** Opens reports sealed in a browser while offline; derived once, when first asked for. */
    sealingKey: memoised(() => deriveSealingKey(masterKey)),
  };
}

function memoised<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    made ??= make();
    return made;
  };
}

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
  }
}

/** Decorates the root instance with the services, before any module registers its routes. */
export function provideServices(app: FastifyInstance, dependencies: AppDependencies): Services {
  const services = createServices(dependencies);
  app.decorate("services", services);
  return services;
}
