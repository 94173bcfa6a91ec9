// The "fast" build needs a native bundler the demo machine does not have: it fails, and the
// config's fallback (the plain build) rescues it. The report shows this as a warning.
console.error("error: native bundler 'turbopack-native' is not installed on this machine");
process.exit(1);
