#!/usr/bin/env bash
# Packs the NuGet packages and inspects them: README, license, repository, symbols, every target framework.
set -euo pipefail
out=artifacts/packages
rm -rf "$out"
dotnet pack Perplexity.Async.sln -c Release --no-build -o "$out"

problems=0
check() { if ! eval "$2"; then echo "package check failed: $1" >&2; problems=$((problems + 1)); fi; }

for id in Perplexity.Async Perplexity.Async.Testing Perplexity.Async.Extensions.AI; do
  nupkg=$(ls "$out"/"$id".[0-9]*.nupkg 2>/dev/null | grep -v '\.snupkg$' | head -n 1 || true)
  snupkg=$(ls "$out"/"$id".[0-9]*.snupkg 2>/dev/null | head -n 1 || true)
  check "$id.nupkg exists" '[ -n "$nupkg" ]'
  check "$id.snupkg exists" '[ -n "$snupkg" ]'
  [ -n "$nupkg" ] || continue
  files=$(unzip -Z1 "$nupkg")
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  check "$id: README.md inside" 'grep -qx "README.md" <<<"$files"'
  for tfm in net10.0 net8.0 netstandard2.0; do
    check "$id: $tfm assembly" 'grep -qx "lib/$tfm/$id.dll" <<<"$files"'
    check "$id: $tfm XML docs" 'grep -qx "lib/$tfm/$id.xml" <<<"$files"'
  done
  check "$id: license expression" 'grep -q "<license type=\"expression\">MIT</license>" <<<"$nuspec"'
  check "$id: readme metadata" 'grep -q "<readme>README.md</readme>" <<<"$nuspec"'
  check "$id: repository with commit" 'grep -q "<repository type=\"git\" url=\"https://[^\"]*\".* commit=\"[0-9a-f]\{40\}\"" <<<"$nuspec"'
  check "$id: release notes" 'grep -q "<releaseNotes>" <<<"$nuspec"'
  check "$id: tags" 'grep -q "<tags>.*perplexity" <<<"$nuspec"'
  if [ -n "$snupkg" ]; then
    symbols=$(unzip -Z1 "$snupkg")
    for tfm in net10.0 net8.0 netstandard2.0; do
      check "$id: $tfm portable PDB in symbols" 'grep -qx "lib/$tfm/$id.pdb" <<<"$symbols"'
    done
  fi
done
echo "packages:"; ls -1 "$out"
[ "$problems" -eq 0 ]
