/**
 * Which URLs a rendered report may link to or embed. A report can be hand-written (`report
 * render`), so its URLs are untrusted: `href=" JaVaScRiPt:..."` must never become a link, and an
 * image must never make the reader's browser fetch from a host nobody chose.
 *
 * - Links: `https:` URLs, or relative paths inside the bundle (no scheme, no leading `/` or `\`,
 *   no `..` segment). Nothing else: not `http:`, `javascript:`, `data:`, `file:`, protocol-relative.
 * - Images: relative bundle paths, or `https:` URLs on an allowed host (by default the GitHub hosts
 *   codexrel's own destinations publish to; `imageHosts` replaces the list).
 */

/** Where codexrel's branch and artifact destinations put files. */
export const DEFAULT_IMAGE_HOSTS: readonly string[] = ["github.com", "raw.githubusercontent.com"];

// Whitespace, C0/C1 controls, bidi controls and quotes/brackets a URL never needs in our reports.
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"'<>`\\]/;

/** True for a path relative to the bundle that cannot leave it or name a scheme. */
export function isBundleRelative(url: string): boolean {
  // Plain spaces inside a file name are fine; leading or trailing whitespace never is.
  if (url === "" || url.trim() !== url || UNSAFE_CHARS.test(url.replace(/ /g, "_"))) return false;
  if (url.startsWith("/") || url.startsWith("~")) return false;
  // A colon before the first slash, `?` or `#` would be read as a scheme (`javascript:`, `c:`).
  const head = url.split(/[/?#]/, 1)[0] ?? "";
  if (head.includes(":")) return false;
  const path = url.split(/[?#]/, 1)[0] ?? "";
  return !path.split("/").some((seg) => seg === ".." || /^%2e%2e$/i.test(seg));
}

/** The URL itself when it may be a link (https or bundle-relative), else null. */
export function safeLink(url: string): string | null {
  if (isBundleRelative(url)) return url;
  return httpsUrl(url) ? url : null;
}

/** The URL itself when it may be embedded as an image, else null. */
export function safeImage(url: string, imageHosts: readonly string[] = DEFAULT_IMAGE_HOSTS): string | null {
  if (isBundleRelative(url)) return url;
  const parsed = httpsUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.toLowerCase();
  return imageHosts.some((h) => h.toLowerCase() === host) ? url : null;
}

function httpsUrl(url: string): URL | null {
  if (UNSAFE_CHARS.test(url) || !url.startsWith("https://")) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && parsed.hostname !== "" && !parsed.username && !parsed.password
      ? parsed
      : null;
  } catch {
    return null;
  }
}
