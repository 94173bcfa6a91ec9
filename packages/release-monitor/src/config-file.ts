/**
 * Reading the release monitor's config file from a checkout: a file that cannot be read is
 * RELEASE_MONITOR_CONFIG_NOT_FOUND (the usual cause: the repository was not checked out), and the
 * text is parsed and checked by parseReleaseMonitorConfig, which names the file by its
 * checkout-relative path.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import { CodexrelError } from "@codexrel/core";
import { DEFAULT_CONFIG_PATH, parseReleaseMonitorConfig, type ReleaseMonitorConfig } from "./config.js";
import { ReleaseMonitorErrorCodes } from "./errors.js";

export interface ReadConfigFileOptions {
  /** The checkout: a relative `path` is resolved against it, and errors name the file from it. */
  root: string;
  /** The config file (default .github/release-monitor.yml). */
  path?: string | undefined;
  serverUrl?: string | undefined;
}

export async function readReleaseMonitorConfig(options: ReadConfigFileOptions): Promise<ReleaseMonitorConfig> {
  const given = options.path || DEFAULT_CONFIG_PATH;
  const path = isAbsolute(given) ? given : resolve(options.root, given);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new CodexrelError(ReleaseMonitorErrorCodes.RELEASE_MONITOR_CONFIG_NOT_FOUND, `no config at ${path}`, {
      hint: "Add .github/release-monitor.yml (an upstreams list) or set the `config` input; check out the repository first.",
      cause,
    });
  }
  return parseReleaseMonitorConfig(text, {
    sourceName: relative(options.root, path),
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
  });
}
