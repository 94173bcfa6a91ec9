import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  codexAvailability,
  type FakeOpenAI,
  initCodexHome,
  inputTexts,
  runCodex,
  startFakeOpenAI,
} from "@codexrel/testkit/openai";
import { afterEach, describe, expect, test } from "vitest";

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function parseSse(res: Response): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((f) => f.trim())
    .map((frame) => {
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? "";
      const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? "{}") as Record<string, unknown>;
      return { event, data };
    });
}

describe("GET /v1/models", () => {
  test("ok lists the configured models and records the request", async () => {
    fake = await startFakeOpenAI({ models: ["m1", "m2"] });
    const res = await fetch(`${fake.baseUrl}/models`, { headers: { authorization: "Bearer sk-test" } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string }[] };
    expect(body.data.map((m) => m.id)).toEqual(["m1", "m2"]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/v1/models", status: 200 });
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer sk-test");
  });

  test.each([
    ["invalid-key", 401, "invalid_api_key"],
    ["insufficient-quota", 429, "insufficient_quota"],
    ["rate-limit", 429, "rate_limit_exceeded"],
    ["server-error", 503, null],
  ] as const)("%s answers %i with code %s", async (mode, status, code) => {
    fake = await startFakeOpenAI({ modelsMode: mode, serverErrorStatus: 503, retryAfterSeconds: 3 });
    const res = await fetch(`${fake.baseUrl}/models`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string | null; type: string } };
    expect(body.error.code).toBe(code);
    if (mode === "rate-limit") expect(res.headers.get("retry-after")).toBe("3");
    else expect(res.headers.get("retry-after")).toBeNull();
    if (mode === "insufficient-quota") expect(body.error.type).toBe("insufficient_quota");
  });

  test("a wrong key gets 401 when the fake knows the key", async () => {
    fake = await startFakeOpenAI({ apiKey: "sk-right-key-0000000000000000" });
    expect((await fetch(`${fake.baseUrl}/models`, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
    const ok = await fetch(`${fake.baseUrl}/models`, {
      headers: { authorization: "Bearer sk-right-key-0000000000000000" },
    });
    expect(ok.status).toBe(200);
  });

  test("slow holds the answer until the client gives up; close() ends it", async () => {
    fake = await startFakeOpenAI({ modelsMode: "slow", slowMs: 600_000 });
    const controller = new AbortController();
    const pending = fetch(`${fake.baseUrl}/models`, { signal: controller.signal });
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(fake.requests[0]?.status).toBe(0); // received, not answered
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  test("modes can change between requests", async () => {
    fake = await startFakeOpenAI();
    fake.setModelsMode("invalid-key");
    expect((await fetch(`${fake.baseUrl}/models`)).status).toBe(401);
    fake.setModelsMode("ok");
    expect((await fetch(`${fake.baseUrl}/models`)).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual([401, 200]);
  });
});

describe("POST /v1/responses", () => {
  test("streams created, output_item.done and completed, and records the body", async () => {
    fake = await startFakeOpenAI({ reply: ["first", { items: [{ type: "message", text: "second" }] }] });
    const post = (text: string) =>
      fetch(`${fake!.baseUrl}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          model: "gpt-test",
          stream: true,
          input: [{ type: "message", role: "user", content: [{ type: "input_text", text }] }],
        }),
      });
    const res = await post("hello");
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const events = await parseSse(res);
    expect(events.map((e) => e.event)).toEqual(["response.created", "response.output_item.done", "response.completed"]);
    expect(events[1]?.data.item).toMatchObject({
      type: "message",
      role: "assistant",
      content: [{ type: "output_text", text: "first" }],
    });
    const second = await parseSse(await post("again"));
    expect(second[1]?.data.item).toMatchObject({ content: [{ text: "second" }] });
    const third = await parseSse(await post("and again"));
    expect(third[1]?.data.item).toMatchObject({ content: [{ text: "second" }] });
    const [r1] = fake.responsesRequests();
    expect(inputTexts(r1!, "user")).toEqual(["hello"]);
    expect(r1?.json).toMatchObject({ model: "gpt-test", stream: true });
  });

  test("error modes answer with OpenAI error bodies", async () => {
    fake = await startFakeOpenAI({ responsesMode: "insufficient-quota" });
    const res = await fetch(`${fake.baseUrl}/responses`, { method: "POST", body: "{}" });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("insufficient_quota");
  });

  test("unknown routes are 404 and still recorded; the log file gets one line per request", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fake-openai-"));
    try {
      const logFile = join(dir, "requests.jsonl");
      fake = await startFakeOpenAI({ logFile });
      expect((await fetch(`${fake.origin}/v1/chat/completions`, { method: "POST", body: "{}" })).status).toBe(404);
      await fetch(`${fake.baseUrl}/models`);
      const lines = (await readFile(logFile, "utf8"))
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { path: string; status: number });
      expect(lines.map((l) => [l.path, l.status])).toEqual([
        ["/v1/chat/completions", 404],
        ["/v1/models", 200],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the real Codex CLI against the fake", () => {
  test("codex exec sends the prompt and prints the fake's reply", async () => {
    const available = await codexAvailability();
    if (!available.ok) throw new Error(`the real Codex CLI cannot run here: ${available.reason}`);
    fake = await startFakeOpenAI({ reply: "pong from the fake" });
    const dir = await mkdtemp(join(tmpdir(), "codex-smoke-"));
    try {
      const codexHome = join(dir, "home");
      await initCodexHome({
        codexHome,
        configToml: fake.codexConfigToml(),
        apiKey: "sk-testkit-canary-000000000000000000",
      });
      const run = await runCodex({ codexHome, cwd: dir, args: ["exec", "--skip-git-repo-check", "ping the fake"] });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("pong from the fake");
      const [request] = fake.responsesRequests();
      expect(inputTexts(request!, "user").join("\n")).toContain("ping the fake");
      expect(request?.headers.authorization).toBe("Bearer sk-testkit-canary-000000000000000000");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
