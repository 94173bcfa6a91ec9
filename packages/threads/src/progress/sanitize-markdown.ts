/** Tags GitHub renders harmlessly; every other tag is shown as text. */
const SAFE_TAGS = new Set(["details", "summary", "br", "sub", "sup", "kbd", "b", "i", "em", "strong", "code", "pre"]);

/**
 * Markdown written by the agent keeps its formatting, but cannot forge a marker (HTML comments are
 * broken up), ping people (mentions get a zero-width joiner), or inject raw HTML tags.
 */
export function sanitizeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/<!--/g, "&lt;!--")
    .replace(/<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g, (all, slash: string, tag: string) =>
      SAFE_TAGS.has(tag.toLowerCase()) ? all : `&lt;${slash}${tag}`,
    )
    .replace(/(^|[^A-Za-z0-9_`])@(?=[A-Za-z0-9_-])/g, "$1@&#8203;");
}
