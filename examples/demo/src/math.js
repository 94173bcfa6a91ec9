export function add(a, b) {
  return a + b;
}

// The release candidate "simplified" slugify and lost the trimming of trailing dashes: the demo's
// new regression (it passed on the base branch).
export function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-/, "");
}

export function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.ceil(((d - yearStart) / 86400000 + 1) / 7);
}

export function formatPrice(cents, locale) {
  // Known bug, tracked upstream: de-DE should use a comma as the decimal separator.
  return `${(cents / 100).toFixed(2)} €`.replace(".", locale === "de-DE" ? "." : ".");
}

export function truncate(title, max) {
  return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}
