#!/usr/bin/env bash
# Regenerates the portal screenshots in docs/screenshots/ (shown in the README): starts the server
# on a free loopback port, clicks through the main pages in headless Chromium (Debian's chromium
# and chromium-driver, which .ci/run installs) and saves each page as a PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl server test -Dtest=PortalScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
    -Dopencps.screenshots="$PWD/docs/screenshots"
ls docs/screenshots
