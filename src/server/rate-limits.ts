// Per-address limits for the routes anyone may call (counted in memory, never stored).
import type { Config } from "./config.js";

/** Route config for a public route allowing `perMinute` requests a minute from one address. */
export const publicRoute = (config: Config, perMinute: number) => ({
  access: "public" as const,
  rateLimit: { max: perMinute * config.publicRateLimitFactor, timeWindow: "1 minute" },
});
