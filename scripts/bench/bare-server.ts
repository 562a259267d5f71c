/**
 * The machine's ceiling for `npm run bench`: a bare `node:http` server answering every request
 * with a small JSON (`{"status":"ok"}`), as cheap an answer as Node can give. Forked by
 * server.ts with the port as its argument; sends "ready" over IPC once it listens. SIGTERM stops it.
 */
import { createServer } from "node:http";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) throw new Error("usage: bare-server.ts <port>");

const body = JSON.stringify({ status: "ok" });
const headers = {
  "Content-Type": "application/json",
  "Content-Length": String(Buffer.byteLength(body)),
  "Cache-Control": "no-store",
};

createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
}).listen(port, "127.0.0.1", () => process.send?.("ready"));
