#!/usr/bin/env bash
# Netlify's build command. Installs the pinned tools from the package
# registries (cached in ~/.cargo/bin between builds), builds, writes headers.
set -euo pipefail
cd "$(dirname "$0")/.."
# rustup on Netlify has no default toolchain: install the one rust-toolchain.toml names.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
make build
