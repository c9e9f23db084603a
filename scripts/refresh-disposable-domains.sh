#!/usr/bin/env bash
# Regenerates server/src/main/resources/identity/disposable-email-domains.txt, the list of
# disposable e-mail domains refused at sign-up, from the npm package disposable-email-domains-js
# (CC0-1.0), which republishes the blocklist of the disposable-email-domains/disposable-email-domains
# project. Needs npm and node on the developer's machine; the build never runs it.
#
# Usage: scripts/refresh-disposable-domains.sh [version]    (default: the latest published version)
# Then review the diff, run DisposableEmailDomainsTest, and commit the new list.
set -euo pipefail

package=disposable-email-domains-js
version="${1:-$(npm view "$package" version)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/server/src/main/resources/identity/disposable-email-domains.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$package@$version" >/dev/null && tar xzf ./*.tgz)
licence="$(node -p 'require(process.argv[1]).license' "$work/package/package.json")"

{
  echo "# Disposable e-mail domains refused at sign-up (one domain per line; its subdomains are refused too)."
  echo "# Source: npm package $package $version, licence $licence; it republishes the blocklist"
  echo "# of the disposable-email-domains/disposable-email-domains project."
  echo "# Do not edit by hand: regenerate with scripts/refresh-disposable-domains.sh [version]."
  echo "# Operators add their own domains with opencps.signup.extra-disposable-domains-file."
  node -e '
    const domains = require(process.argv[1]);
    const unique = [...new Set(domains.map(d => d.trim().toLowerCase()).filter(d => d.length > 0))];
    for (const d of unique.sort()) console.log(d);
  ' "$work/package/dist/dict/disposable_email_blocklist.json"
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $(grep -vc '^#' "$out") domains from $package $version to $out"
