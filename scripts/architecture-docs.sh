#!/usr/bin/env bash
# Regenerates docs/architecture/ (linked from the README): the module diagram of the server, one
# diagram per module with its neighbours (PlantUML), and one canvas per module (its face, events,
# listeners and configuration), all written by Spring Modulith's Documenter from the code itself.
# Run it after a change to the modules' faces or dependencies, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/docs/architecture/generated"
rm -rf "$out"
./mvnw -B -q -pl server test -Dtest=ArchitectureTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dopencps.architecture-docs="$out"
ls "$out"
