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
lean=()
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# PostgreSQL: the storage tests run on SQLite and on a real PostgreSQL server.
if [ -z "${NARISUMASHI_TEST_POSTGRES:-}" ] && [ "${NARISUMASHI_SKIP_POSTGRES:-}" != 1 ]; then
    command -v pg_lsclusters >/dev/null 2>&1 || missing+=(postgresql)
fi
# LibreOffice (Writer, without the GUI) converts a generated .docx to PDF in the drafts
# tests; the Japanese fonts make that PDF readable.
if [ "${NARISUMASHI_SKIP_LIBREOFFICE:-}" != 1 ]; then
    command -v soffice >/dev/null 2>&1 || lean+=(libreoffice-writer-nogui fonts-noto-cjk)
fi
# Chromium and its WebDriver: the review UI's end-to-end test drives a real browser.
if [ "${NARISUMASHI_SKIP_BROWSER:-}" != 1 ]; then
    { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || lean+=(chromium chromium-driver)
fi
if [ ${#missing[@]} -gt 0 ] || [ ${#lean[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]} ${lean[*]}"
    as_root apt-get update -q
    [ ${#missing[@]} -eq 0 ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    [ ${#lean[@]} -eq 0 ] || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${lean[@]}"
fi

# Start PostgreSQL (Debian's cluster) and give the tests a role that may create databases.
if [ -z "${NARISUMASHI_TEST_POSTGRES:-}" ] && [ "${NARISUMASHI_SKIP_POSTGRES:-}" != 1 ]; then
    cluster=$(pg_lsclusters --no-header | head -n1)
    if [ -z "$cluster" ]; then
        version=$(ls /usr/lib/postgresql | sort -n | tail -n1)
        as_root pg_createcluster "$version" main
        cluster=$(pg_lsclusters --no-header | head -n1)
    fi
    read -r pg_version pg_name pg_port pg_status _ <<<"$cluster"
    if [ "$pg_status" != online ]; then
        echo "test.sh: starting PostgreSQL $pg_version/$pg_name on port $pg_port"
        # A server stopped uncleanly syncs its data directory before recovery, which can take
        # longer than pg_ctl's default minute on a slow disk: allow fifteen.
        as_root pg_ctlcluster "$pg_version" "$pg_name" start -- -t 900
    fi
    as_root su postgres -c "psql -q -p $pg_port -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'narisumashi_test') THEN CREATE ROLE narisumashi_test LOGIN CREATEDB PASSWORD 'narisumashi_test'; END IF; END \\\$\\\$;\""
    as_root su postgres -c "psql -q -p $pg_port -tc \"SELECT 1 FROM pg_database WHERE datname = 'narisumashi_test'\" | grep -q 1 || createdb -p $pg_port -O narisumashi_test narisumashi_test"
    export NARISUMASHI_TEST_POSTGRES="postgres://narisumashi_test:narisumashi_test@127.0.0.1:$pg_port/narisumashi_test"
    echo "test.sh: PostgreSQL for tests at ${NARISUMASHI_TEST_POSTGRES/:narisumashi_test@/:***@}"
fi

command -v cargo >/dev/null 2>&1 || { echo "test.sh: cargo not found; install Rust 1.95 (rustup)" >&2; exit 1; }

echo "test.sh: cargo fmt --check"
cargo fmt --all -- --check
echo "test.sh: cargo clippy"
cargo clippy --locked --all-targets -- -D warnings
# The property tests draw their cases from a fixed seed here, so a run can be repeated exactly;
# explore new cases with another seed: PROPTEST_RNG_SEED=$RANDOM PROPTEST_CASES=20000 cargo test --test it properties
export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261206}"
echo "test.sh: cargo test (property-test seed $PROPTEST_RNG_SEED)"
cargo test --locked --all-targets
