// How long a test may wait before it counts as hung. Alone, a file takes its usual time; CI runs four
// files on two cores, where a browser journey or a server start can take several times as long.
// CONDUCT_TEST_PATIENCE (a factor, 1 by default; .ci/run sets it) stretches every such limit alike,
// so a slower machine does not turn a slow test into a failed one, and a hung test still fails.
const setting = process.env.CONDUCT_TEST_PATIENCE ?? "1";
const factor = Number(setting);
if (!(factor >= 1)) throw new Error(`CONDUCT_TEST_PATIENCE must be a number of at least 1, not "${setting}".`);

/** A time limit, in milliseconds, stretched by the patience factor. */
export const patience = (milliseconds: number) => milliseconds * factor;
