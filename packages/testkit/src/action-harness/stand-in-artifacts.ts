/**
 * The stand-in for `actions/upload-artifact@v4`, over an artifact folder: the same file selection
 * (globs, exclusions, hidden files), name checks and outputs as the real action.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { resolveRunnerPath } from "./expressions.js";
import { commonAncestor, globAbsolute, searchPath } from "./stand-in-globs.js";
import { bool, lines } from "./stand-in-inputs.js";
import type { StandIn, StandInContext, StandInResult } from "./stand-ins.js";

export interface ArtifactRecord {
  id: number;
  name: string;
  url: string;
  digest: string;
  retentionDays?: number;
  /** Folder holding the uploaded files, laid out relative to the upload root. */
  dir: string;
  files: string[];
}

/** An artifact folder: `<root>/<id>-<name>/` plus `<root>/artifacts.json`. */
export class ArtifactStore {
  constructor(readonly root: string) {
    mkdirSync(root, { recursive: true });
  }

  private get indexFile(): string {
    return join(this.root, "artifacts.json");
  }

  list(): ArtifactRecord[] {
    return existsSync(this.indexFile) ? (JSON.parse(readFileSync(this.indexFile, "utf8")) as ArtifactRecord[]) : [];
  }

  get(name: string): ArtifactRecord | undefined {
    return this.list().find((a) => a.name === name);
  }

  remove(name: string): void {
    const existing = this.get(name);
    if (existing) rmSync(existing.dir, { recursive: true, force: true });
    writeFileSync(
      this.indexFile,
      JSON.stringify(
        this.list().filter((a) => a.name !== name),
        null,
        2,
      ),
    );
  }

  add(
    record: Omit<ArtifactRecord, "id" | "dir" | "url">,
    url: (id: number) => string,
    copy: (dir: string) => void,
  ): ArtifactRecord {
    const all = this.list();
    const id = all.reduce((max, a) => Math.max(max, a.id), 1000) + 1;
    const dir = join(this.root, `${id}-${record.name}`);
    mkdirSync(dir, { recursive: true });
    copy(dir);
    const full: ArtifactRecord = { ...record, id, dir, url: url(id) };
    writeFileSync(this.indexFile, JSON.stringify([...all, full], null, 2));
    return full;
  }
}

const INVALID_ARTIFACT_NAME = /["':<>|*?\r\n\\/]/;

function collectArtifactFiles(
  pathInput: string,
  includeHidden: boolean,
  ctx: StandInContext,
): { root: string; files: string[] } {
  const patterns = lines(pathInput);
  const includes = patterns.filter((p) => !p.startsWith("!")).map((p) => resolveRunnerPath(p, ctx.workspace, ctx.home));
  const excludes = patterns
    .filter((p) => p.startsWith("!"))
    .map((p) => resolveRunnerPath(p.slice(1), ctx.workspace, ctx.home));
  const files = new Set<string>();
  const roots: string[] = [];
  for (const inc of includes) {
    if (isDynamicPattern(inc)) {
      roots.push(resolve(searchPath(inc)));
      for (const f of globAbsolute(inc, excludes, true)) files.add(f);
    } else if (existsSync(inc)) {
      const abs = resolve(inc);
      if (statSync(abs).isDirectory()) {
        roots.push(abs);
        for (const f of globSync("**/*", {
          cwd: abs,
          absolute: true,
          dot: true,
          onlyFiles: true,
          ignore: excludes.map((e) => relative(abs, e)),
        })) {
          files.add(resolve(f));
        }
      } else {
        roots.push(dirname(abs));
        files.add(abs);
      }
    }
  }
  const root = roots.length === 1 ? roots[0]! : commonAncestor(roots);
  const kept = [...files]
    .filter(
      (f) =>
        includeHidden ||
        !relative(root, f)
          .split(sep)
          .some((seg) => seg.startsWith(".")),
    )
    .sort();
  return { root, files: kept };
}

export const uploadArtifact: StandIn = {
  name: "actions/upload-artifact",
  inputs: {
    name: { default: "artifact" },
    path: { required: true },
    "if-no-files-found": { default: "warn" },
    "retention-days": { default: "0" },
    "compression-level": { default: "6" },
    overwrite: { default: "false" },
    "include-hidden-files": { default: "false" },
    archive: { default: "true" },
  },
  outputs: ["artifact-id", "artifact-url", "artifact-digest"],
  run(inputs, ctx): StandInResult {
    const name = inputs["name"] || "artifact";
    if (!inputs["path"]) return { outputs: {}, failed: "Input required and not supplied: path" };
    // v7's `archive: false` uploads one file as is (no zip); the stand-in keeps folders only.
    if ((inputs["archive"] ?? "true").trim().toLowerCase() === "false") {
      return { outputs: {}, failed: "the upload-artifact stand-in does not model 'archive: false'" };
    }
    if (INVALID_ARTIFACT_NAME.test(name)) {
      return {
        outputs: {},
        failed: `The artifact name is not valid: ${name}. Contains the following character: one of " : < > | * ? \\r \\n \\ /`,
      };
    }
    const ifNoFiles = (inputs["if-no-files-found"] || "warn").toLowerCase();
    if (!["warn", "error", "ignore"].includes(ifNoFiles)) {
      return {
        outputs: {},
        failed: `Unrecognized if-no-files-found input. Provided: ${ifNoFiles}. Available options: warn, error, ignore`,
      };
    }
    const { root, files } = collectArtifactFiles(inputs["path"], bool(inputs["include-hidden-files"]), ctx);
    if (files.length === 0) {
      const message = `No files were found with the provided path: ${inputs["path"]}. No artifacts will be uploaded.`;
      if (ifNoFiles === "error") return { outputs: {}, failed: message };
      if (ifNoFiles === "warn") ctx.warning(message);
      else ctx.info(message);
      return { outputs: {} };
    }
    if (ctx.artifacts.get(name)) {
      if (!bool(inputs["overwrite"])) {
        return {
          outputs: {},
          failed:
            "Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run",
        };
      }
      ctx.artifacts.remove(name);
    }
    const relativeFiles = files.map((f) => relative(root, f));
    const digest = createHash("sha256");
    for (const f of files) digest.update(relative(root, f)).update("\0").update(readFileSync(f));
    const retention = Number(inputs["retention-days"] || "0");
    const record = ctx.artifacts.add(
      {
        name,
        files: relativeFiles,
        digest: digest.digest("hex"),
        ...(retention > 0 ? { retentionDays: retention } : {}),
      },
      (id) => `${ctx.serverUrl}/${ctx.repository}/actions/runs/${ctx.runId}/artifacts/${id}`,
      (dir) => {
        for (const f of files) {
          const target = join(dir, relative(root, f));
          mkdirSync(dirname(target), { recursive: true });
          cpSync(f, target, { preserveTimestamps: true });
        }
      },
    );
    ctx.info(`Artifact ${name} has been successfully uploaded! Final size is ${files.length} files`);
    return {
      outputs: { "artifact-id": String(record.id), "artifact-url": record.url, "artifact-digest": record.digest },
    };
  },
};
