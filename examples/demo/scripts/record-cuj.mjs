#!/usr/bin/env node
// Records the demo's CUJ bundle (examples/demo/cuj/) with a real browser: headless Chromium
// drives web/index.html through two journeys, takes PNG screenshots, and encodes the frames of
// each journey into a WebM video with the browser's own MediaRecorder (VP8). The outputs are
// committed, so `codexrel run` and the tests need no browser to publish them; re-run this after
// changing the page:  node examples/demo/scripts/record-cuj.mjs  (needs /usr/bin/chromium).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const demo = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(demo, "cuj");
const VIEWPORT = { width: 480, height: 270 };
const FRAME_MS = 180;

const types = { ".html": "text/html", ".js": "text/javascript" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
  if (path.startsWith("..")) return void res.writeHead(403).end();
  try {
    const body = readFileSync(join(demo, path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

rmSync(out, { recursive: true, force: true });
for (const d of ["screens", "videos", "logs"]) mkdirSync(join(out, d), { recursive: true });

/** Runs one journey: returns its summary entry; writes screenshots, video and log. */
async function journey(id, title, steps) {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const frames = [];
  const log = [];
  const assertions = [];
  const screenshots = [];
  const started = Date.now();
  const frame = async () => frames.push((await page.screenshot({ type: "png" })).toString("base64"));
  const ctx = {
    page,
    frame,
    log: (line) => log.push(line),
    async shot(name) {
      const rel = `screens/${id}-${name}.png`;
      writeFileSync(join(out, rel), await page.screenshot({ type: "png" }));
      screenshots.push(rel);
      log.push(`screenshot ${rel}`);
    },
    async typeSlowly(selector, text) {
      await page.click(selector);
      for (const ch of text) {
        await page.keyboard.type(ch);
        await frame();
      }
      log.push(`type ${JSON.stringify(text)} into ${selector}`);
    },
    async expectText(aid, description, selector, expected) {
      const actual = (await page.textContent(selector))?.trim() ?? "";
      const status = actual === expected ? "pass" : "fail";
      assertions.push({ id: aid, description, status, kind: "text-visible", selector, expected, actual });
      log.push(
        `assert ${aid}: ${selector} text ${JSON.stringify(actual)} ${status === "pass" ? "==" : "!="} ${JSON.stringify(expected)} -> ${status}`,
      );
    },
  };
  await page.goto(`${base}/web/index.html`);
  log.push(`open ${page.url().replace(base, "")}`);
  await frame();
  await steps(ctx);
  await frame();
  await frame();
  const durationMs = Date.now() - started;
  await page.close();

  const video = `videos/${id}.webm`;
  writeFileSync(join(out, video), await encodeWebm(frames));
  const logPath = `logs/${id}.log`;
  writeFileSync(join(out, logPath), `${log.map((l, i) => `${String(i + 1).padStart(2, "0")} ${l}`).join("\n")}\n`);
  const status = assertions.every((a) => a.status === "pass") ? "pass" : "fail";
  return { id, title, status, durationMs, assertions, screenshots, video, log: logPath };
}

/** Plays the frames onto a canvas and records it with MediaRecorder: a real VP8 WebM. */
async function encodeWebm(frames) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const b64 = await page.evaluate(
    async ({ frames, frameMs, width, height }) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      document.body.append(canvas);
      const g = canvas.getContext("2d");
      const images = await Promise.all(
        frames.map(
          (f) =>
            new Promise((resolve, reject) => {
              const img = new Image();
              img.onload = () => resolve(img);
              img.onerror = reject;
              img.src = `data:image/png;base64,${f}`;
            }),
        ),
      );
      g.drawImage(images[0], 0, 0);
      const stream = canvas.captureStream(10);
      const recorder = new MediaRecorder(stream, { mimeType: "video/webm;codecs=vp8", videoBitsPerSecond: 400_000 });
      const chunks = [];
      recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
      const stopped = new Promise((resolve) => {
        recorder.onstop = resolve;
      });
      recorder.start();
      for (const img of images) {
        g.drawImage(img, 0, 0);
        await new Promise((r) => setTimeout(r, frameMs));
      }
      recorder.stop();
      await stopped;
      const buf = new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer());
      let s = "";
      for (const b of buf) s += String.fromCharCode(b);
      return btoa(s);
    },
    { frames, frameMs: FRAME_MS, ...VIEWPORT },
  );
  await page.close();
  return Buffer.from(b64, "base64");
}

const journeys = [];
journeys.push(
  await journey("make-slug", "Turn a title into a URL slug", async (j) => {
    await j.shot("1-empty");
    await j.typeSlowly("#title", "Hello, World!");
    await j.page.click("#make-slug");
    j.log("click #make-slug");
    await j.frame();
    await j.expectText("slug-shown", "The slug of the title is shown", "#slug", "hello-world");
    await j.shot("2-result");
  }),
);
journeys.push(
  await journey("add-numbers", "Add two numbers", async (j) => {
    await j.typeSlowly("#a", "2");
    await j.typeSlowly("#b", "40");
    await j.page.click("#add");
    j.log("click #add");
    await j.frame();
    await j.expectText("sum-shown", "The sum is shown", "#sum", "42");
    await j.shot("1-sum");
  }),
);

/** The commit the journeys ran against (HEAD of the checkout), so a run of another commit does not count them as evidence. */
function recordedCommit() {
  try {
    const sha = execFileSync("git", ["rev-parse", "HEAD"], { cwd: demo, encoding: "utf8" }).trim();
    return /^[0-9a-f]{40}$/.test(sha) ? { sha } : null;
  } catch {
    return null;
  }
}
const commit = recordedCommit();
const summary = {
  schemaVersion: "1",
  title: "codexrel demo — critical user journeys",
  generatedAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  target: "examples/demo/web/index.html",
  ...(commit ? { commit } : {}),
  journeys,
};
writeFileSync(join(out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
await browser.close();
server.close();
console.log(`recorded ${journeys.length} journeys into ${out}`);
