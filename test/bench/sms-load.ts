// Load generator for the SMS benchmark, in its own process: virtual reporters, each texting a whole
// conversation (greeting, language, what happened, organisation, mission, route, two follow-ups), every message
// signed as the generic gateway signs it and carrying its own id. Prints one JSON line.
// Args: url seconds connections secret
import http from "node:http";
import { genericSignature } from "../../src/server/modules/sms/gateways.js";

const [url, secondsText, connectionsText, secret] = process.argv.slice(2);
const deadline = Date.now() + Number(secondsText) * 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(connectionsText) });
const conversation = [
  "Hello",
  "1",
  "A soldier at the camp asked for sex in exchange for food yesterday evening.",
  "0",
  "3",
  "1",
  "He wore a blue helmet and a badge with a flag.",
  "It happened near the water point.",
];
let acknowledged = 0;
let errors = 0;

function post(body: string) {
  return new Promise<number>((resolve) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-conduct-signature": genericSignature(secret, body),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", () => resolve(0));
    request.end(body);
  });
}

async function reporter(worker: number) {
  for (let n = 0; Date.now() < deadline; n++) {
    const from = `+2438${String(worker).padStart(3, "0")}${String(n).padStart(6, "0")}`;
    for (const [index, text] of conversation.entries()) {
      if (Date.now() >= deadline) return;
      const status = await post(JSON.stringify({ id: `${from}-${index}`, from, text }));
      if (status >= 200 && status < 300) acknowledged++;
      else errors++;
    }
  }
}

const started = Date.now();
await Promise.all(Array.from({ length: Number(connectionsText) }, (_, worker) => reporter(worker)));
const seconds = (Date.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ acknowledged, errors, perSecond: acknowledged / seconds })}\n`);
agent.destroy();
