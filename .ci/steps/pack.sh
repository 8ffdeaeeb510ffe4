#!/usr/bin/env bash
# Packs the NuGet packages and inspects them: README, license, repository, symbols, both target frameworks.
set -euo pipefail
out=artifacts/packages
rm -rf "$out"
dotnet pack Perplexity.Async.sln -c Release --no-build -o "$out"

problems=0
check() { if ! eval "$2"; then echo "package check failed: $1" >&2; problems=$((problems + 1)); fi; }

for id in Perplexity.Async Perplexity.Async.Testing Perplexity.Async.Extensions.AI Perplexity.Async.Hangfire; do
  nupkg=$(ls "$out"/"$id".[0-9]*.nupkg 2>/dev/null | grep -v '\.snupkg$' | head -n 1 || true)
  snupkg=$(ls "$out"/"$id".[0-9]*.snupkg 2>/dev/null | head -n 1 || true)
  check "$id.nupkg exists" '[ -n "$nupkg" ]'
  check "$id.snupkg exists" '[ -n "$snupkg" ]'
  [ -n "$nupkg" ] || continue
  files=$(unzip -Z1 "$nupkg")
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  check "$id: README.md inside" 'grep -qx "README.md" <<<"$files"'
  check "$id: net10.0 assembly" 'grep -qx "lib/net10.0/$id.dll" <<<"$files"'
  check "$id: netstandard2.0 assembly" 'grep -qx "lib/netstandard2.0/$id.dll" <<<"$files"'
  check "$id: XML docs" 'grep -qx "lib/net10.0/$id.xml" <<<"$files"'
  check "$id: license expression" 'grep -q "<license type=\"expression\">MIT</license>" <<<"$nuspec"'
  check "$id: readme metadata" 'grep -q "<readme>README.md</readme>" <<<"$nuspec"'
  check "$id: repository with commit" 'grep -q "<repository type=\"git\" url=\"https://[^\"]*\".* commit=\"[0-9a-f]\{40\}\"" <<<"$nuspec"'
  check "$id: release notes" 'grep -q "<releaseNotes>" <<<"$nuspec"'
  check "$id: tags" 'grep -q "<tags>.*perplexity" <<<"$nuspec"'
  if [ -n "$snupkg" ]; then
    symbols=$(unzip -Z1 "$snupkg")
    check "$id: portable PDB in symbols" 'grep -qx "lib/net10.0/$id.pdb" <<<"$symbols"'
  fi
done
echo "packages:"; ls -1 "$out"
[ "$problems" -eq 0 ]
