#!/usr/bin/env bash
# Packs the NuGet packages and inspects them: README, license, repository, symbols, every target framework.
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
  # The SDK, the emulator and the adapter have every target; the Hangfire package has no net8.0 build (Hangfire has
  # none to match: .NET 8 apps take its netstandard2.0 one).
  tfms="net10.0 net8.0 netstandard2.0"
  [ "$id" = Perplexity.Async.Hangfire ] && tfms="net10.0 netstandard2.0"
  files=$(unzip -Z1 "$nupkg")
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  check "$id: README.md inside" 'grep -qx "README.md" <<<"$files"'
  readme=$(unzip -p "$nupkg" README.md 2>/dev/null || true)
  # The gallery shows the README on its own: a relative link there is a broken link.
  check "$id: README has no relative links" '! grep -Eq "\]\((\.|/|[A-Za-z0-9_-]+(/|\.md))" <<<"$readme"'
  check "$id: README is the package's own" 'grep -q "^# $id\$" <<<"$readme"'
  check "$id: icon" 'grep -qx "icon.png" <<<"$files" && grep -q "<icon>icon.png</icon>" <<<"$nuspec"'
  for tfm in $tfms; do
    check "$id: $tfm assembly" 'grep -qx "lib/$tfm/$id.dll" <<<"$files"'
    check "$id: $tfm XML docs" 'grep -qx "lib/$tfm/$id.xml" <<<"$files"'
  done
  check "$id: license expression" 'grep -q "<license type=\"expression\">MIT</license>" <<<"$nuspec"'
  check "$id: readme metadata" 'grep -q "<readme>README.md</readme>" <<<"$nuspec"'
  check "$id: repository with commit" 'grep -q "<repository type=\"git\" url=\"https://[^\"]*\".* commit=\"[0-9a-f]\{40\}\"" <<<"$nuspec"'
  check "$id: release notes of this version only" 'grep -q "<releaseNotes>$id [0-9]" <<<"$nuspec" && ! grep -q "All notable changes" <<<"$nuspec"'
  check "$id: tags" 'grep -q "<tags>.*perplexity" <<<"$nuspec"'
  if [ -n "$snupkg" ]; then
    symbols=$(unzip -Z1 "$snupkg")
    for tfm in $tfms; do
      check "$id: $tfm portable PDB in symbols" 'grep -qx "lib/$tfm/$id.pdb" <<<"$symbols"'
      # The source link is a JSON blob in the portable PDB ({"documents":{"/path/*":"https://…/*"}}); without a
      # repository URL it is missing or empty. `dotnet sourcelink test` would fetch every file: not offline.
      sourcelink=$(unzip -p "$snupkg" "lib/$tfm/$id.pdb" | grep -aoE '\{"documents":\{[^}]*\}\}' | head -n 1 || true)
      check "$id: $tfm PDB has a source link to the repository" 'grep -q "\"https://raw.githubusercontent.com/perplexity-async/perplexity-async-dotnet/[0-9a-f]\{40\}/" <<<"$sourcelink"'
    done
  fi
done
echo "packages:"; ls -1 "$out"
[ "$problems" -eq 0 ]
