# Shell helpers over targets/*.toml: which triples exist, their keys, and the cargo
# environment that links and runs each one. Sourced by scripts/ and ci/.
# shellcheck shell=bash

PHANTOM_ROOT=${PHANTOM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

# target_get TRIPLE KEY: a string value from targets/TRIPLE.toml (empty if absent).
target_get() {
  local file="$PHANTOM_ROOT/targets/$1.toml"
  [ -f "$file" ] || { echo "no target definition: $file" >&2; return 1; }
  sed -n "s/^$2[[:space:]]*=[[:space:]]*\"\(.*\)\"[[:space:]]*$/\1/p" "$file"
}

# target_packages TRIPLE: the Debian packages of a target, one per line.
target_packages() {
  local file="$PHANTOM_ROOT/targets/$1.toml"
  sed -n 's/^packages[[:space:]]*=[[:space:]]*\[\(.*\)\][[:space:]]*$/\1/p' "$file" |
    tr ',' '\n' | sed 's/[[:space:]"]//g' | grep -v '^$'
}

# target_list: every defined triple, sorted.
target_list() {
  local f
  for f in "$PHANTOM_ROOT"/targets/*.toml; do basename "$f" .toml; done | sort
}

# host_triple: the triple rustc builds for by default on this machine.
host_triple() {
  rustc -vV | sed -n 's/^host: //p'
}

# target_is_host TRIPLE: true when binaries for TRIPLE run natively here.
target_is_host() {
  [ "$(target_get "$1" arch)" = "$(uname -m)" ]
}

# target_runner TRIPLE: the command prefix that runs a binary of TRIPLE here (empty when native).
target_runner() {
  target_is_host "$1" && return 0
  echo "$(target_get "$1" qemu) -L $(target_get "$1" sysroot)"
}

# target_export TRIPLE: export the cargo linker and runner variables for TRIPLE, and
# PHANTOM_EXPECT_ENDIAN / PHANTOM_EXPECT_ARCH, which the platform test checks.
target_export() {
  local up
  up=$(echo "$1" | tr 'a-z-' 'A-Z_')
  if ! target_is_host "$1"; then
    export "CARGO_TARGET_${up}_LINKER=$(target_get "$1" linker)"
    export "CARGO_TARGET_${up}_RUNNER=$(target_runner "$1")"
  fi
  export PHANTOM_EXPECT_ENDIAN
  PHANTOM_EXPECT_ENDIAN=$(target_get "$1" endian)
  export PHANTOM_EXPECT_ARCH
  PHANTOM_EXPECT_ARCH=$(target_get "$1" arch)
}

# node_commands [PROFILE]: for every target whose phantom binary is built (debug by default),
# "ARCH=RUNNER BINARY", separated by ';': how to start a node of each architecture here. The
# cluster tests and the demo read it.
node_commands() {
  local t bin out="" profile=${1:-debug}
  for t in $(target_list); do
    bin="$PHANTOM_ROOT/target/$t/$profile/phantom"
    [ -x "$bin" ] || continue
    out+="$(target_get "$t" arch)=$(target_runner "$t") $bin;"
  done
  echo "${out%;}"
}
