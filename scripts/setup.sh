#!/usr/bin/env bash
# Installs what CohortPlanner needs on Debian beyond the Swift toolchain, skipping what is there:
#   libglpk-dev  GLPK 5.0, the MILP solver the planner links
#   glpk-utils   glpsol, used by the tests to cross-check exported models
#   chromium     headless browser, used by the tests to render the HTML report
#   jsonschema   (Python) used by the tests to check scenarios against docs/scenario.schema.json
set -euo pipefail

packages=(libglpk-dev glpk-utils chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "setup: installing the Python package jsonschema" >&2
  python3 -m pip install --quiet jsonschema 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages jsonschema
fi
