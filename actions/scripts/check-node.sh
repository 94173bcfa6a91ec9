#!/usr/bin/env bash
# First step of every codexrel composite action: composite `run:` steps use the `node` on the
# runner's PATH. GitHub-hosted images ship Node 20+; self-hosted runners may not. Fail with one
# clear line instead of a stack trace later.
set -u
required=20
if ! command -v node >/dev/null 2>&1; then
  echo "::error title=codexrel: Node.js not found::codexrel actions need Node.js ${required}+ on PATH; add actions/setup-node (node-version: ${required}) before this step."
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "${major}" -lt "${required}" ] 2>/dev/null; then
  echo "::error title=codexrel: Node.js too old::codexrel actions need Node.js ${required}+, found $(node --version); add actions/setup-node (node-version: ${required}) before this step."
  exit 1
fi
