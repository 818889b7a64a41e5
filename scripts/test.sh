#!/usr/bin/env bash
# Runs narisumashi's whole test suite on a fresh Debian machine: installs what the tests
# need when it is missing, then checks formatting and lints and runs every test.
# Usage: scripts/test.sh            (from anywhere; needs root or sudo only to install)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages the build and tests need. A C compiler builds the bundled SQLite and
# the TLS provider of later issues; pkg-config finds system libraries.
missing=()
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

command -v cargo >/dev/null 2>&1 || { echo "test.sh: cargo not found; install Rust 1.95 (rustup)" >&2; exit 1; }

echo "test.sh: cargo fmt --check"
cargo fmt --all -- --check
echo "test.sh: cargo clippy"
cargo clippy --locked --all-targets -- -D warnings
echo "test.sh: cargo test"
cargo test --locked --all-targets
