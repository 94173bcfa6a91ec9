#!/usr/bin/env node
// A static file server for the demo's web page (web/index.html imports ../src/math.js as a module,
// which browsers refuse from file://). Playwright starts it as its webServer for the journeys.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const demo = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.DEMO_PORT ?? 4173);
const types = { ".html": "text/html", ".js": "text/javascript" };
createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
  if (path.startsWith("..")) return void res.writeHead(403).end();
  try {
    const body = readFileSync(join(demo, path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(port, "127.0.0.1", () => console.log(`demo web on http://127.0.0.1:${port}/web/index.html`));
