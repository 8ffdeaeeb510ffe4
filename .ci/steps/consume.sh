#!/usr/bin/env bash
# Consumes the packed packages as a new user would: packs them to a local folder feed, creates a brand-new net8.0
# console project outside the repository (no Directory.Build.props, no central package versions), references
# Perplexity.Async and Perplexity.Async.Testing from that feed, pastes the README's Quick start into Program.cs, then
# builds and runs it without PERPLEXITY_API_KEY (offline, on the emulator).
#
# What it reads from README.md (QUICKSTART_README overrides the path):
# - the Quick start: the first ```csharp fenced block between the lines <!-- quickstart --> and <!-- /quickstart -->.
#   It becomes Program.cs verbatim (top-level statements with their own usings; the console template's implicit
#   usings are on) and must compile on net8.0 with -warnaserror.
# - how it runs offline: if the Quick start itself mentions PerplexityEmulator, it runs as it is. Otherwise its line
#   that starts with "using var client =" is replaced by the README's offline lines: the first ```csharp block
#   between <!-- quickstart-offline --> and <!-- /quickstart-offline -->, or else the first ```csharp block after
#   <!-- /quickstart --> that mentions PerplexityEmulator. That variant is built and run too.
# Until README.md has a quickstart block, a built-in snippet of the same shape is used.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/perplexity-consume.XXXXXX")
# A version of its own, so the global package cache never serves a package packed by an earlier run.
version="$(dotnet msbuild src/Perplexity.Async/Perplexity.Async.csproj -getProperty:VersionPrefix | tr -d '[:space:]')-consume.$(date +%s)"
cleanup() {
  rm -rf "$work"
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/perplexity.async*/"$version"
}
trap cleanup EXIT

feed="$work/feed"
echo "== pack $version to $feed"
for project in src/Perplexity.Async src/Perplexity.Async.Testing; do
  dotnet pack "$project" -c Release --no-build -o "$feed" -p:Version="$version" -nologo >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; echo "consume: pack of $project failed (build Release first)" >&2; exit 1; }
done

readme=${QUICKSTART_README:-README.md}
# The first ```csharp block between two marker lines; with a third argument, only a block that mentions it.
block() {
  awk -v from="$1" -v upto="$2" -v must="${3:-}" '
    index($0, from) == 1 { inside = 1; next }
    upto != "" && index($0, upto) == 1 { inside = 0 }
    inside && !fenced && /^```(csharp|cs|c#)[[:space:]]*$/ { fenced = 1; text = ""; next }
    inside && fenced && /^```[[:space:]]*$/ { if (must == "" || index(text, must)) { printf "%s", text; exit } fenced = 0; next }
    inside && fenced { text = text $0 "\n" }
  ' "$readme"
}

snippet="$work/Program.cs"
offline="$work/Program.offline.cs"
block "<!-- quickstart -->" "<!-- /quickstart -->" >"$snippet"
if [ -s "$snippet" ]; then
  echo "== Program.cs: the README's Quick start"
  if grep -q "PerplexityEmulator" "$snippet"; then
    cp "$snippet" "$offline"
  else
    lines=$(block "<!-- quickstart-offline -->" "<!-- /quickstart-offline -->")
    [ -n "$lines" ] || lines=$(block "<!-- /quickstart -->" "" "PerplexityEmulator")
    [ -n "$lines" ] || { echo "consume: the Quick start needs a key and README.md shows no offline lines (a csharp block with PerplexityEmulator)" >&2; exit 1; }
    grep -q '^using var client =' "$snippet" || { echo "consume: the Quick start has no 'using var client =' line to run offline" >&2; exit 1; }
    printf '%s\n' "$lines" >"$work/offline-lines.cs"
    awk -v file="$work/offline-lines.cs" '/^using var client =/ { while ((getline line < file) > 0) print line; next } { print }' "$snippet" >"$offline"
    echo "== offline variant: the client line replaced by the README's offline lines"
  fi
else
  echo "== Program.cs: the built-in snippet (README.md has no <!-- quickstart --> block yet)"
  cat >"$snippet" <<'CS'
using Perplexity.Async;
using Perplexity.Async.Testing;

// Offline: an emulator instead of the API, so no key and no cost.
var emulator = new PerplexityEmulator();
using var client = emulator.CreateClient();

AgentResponse done = await client.Agent.RunAsync(
    new AgentRequest { Preset = AgentPreset.Fast, Input = "What is L2 regularization?" },
    CancellationToken.None);
Console.WriteLine(done.OutputText);
CS
  cp "$snippet" "$offline"
fi

app="$work/QuickStart"
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
echo "== new net8.0 console project in $app"
# The .NET 10 SDK's template offers net10.0 only: retarget the new project, as a .NET 8 user's SDK would create it.
dotnet new console --output "$app" --name QuickStart >"$work/new.log" 2>&1 || { cat "$work/new.log" >&2; exit 1; }
sed -i -E 's#<TargetFramework>net[0-9.]+</TargetFramework>#<TargetFramework>net8.0</TargetFramework>#' "$app/QuickStart.csproj"
grep -q "<TargetFramework>net8.0</TargetFramework>" "$app/QuickStart.csproj" || { echo "consume: could not retarget to net8.0" >&2; exit 1; }
cp "$snippet" "$app/Program.cs"
(
  cd "$app"
  dotnet add package Perplexity.Async --version "$version" >"$work/add.log" 2>&1 || { cat "$work/add.log" >&2; exit 1; }
  dotnet add package Perplexity.Async.Testing --version "$version" >>"$work/add.log" 2>&1 || { cat "$work/add.log" >&2; exit 1; }
  # Only the .NET 10 runtime may be installed here; on a .NET 8 or 9 machine this line is not needed.
  sed -i 's#<TargetFramework>net8.0</TargetFramework>#<TargetFramework>net8.0</TargetFramework>\n    <RollForward>Major</RollForward>#' QuickStart.csproj
  grep -q "lib/net8.0" <(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/perplexity.async/$version" -path '*lib/net8.0*') \
    || { echo "consume: Perplexity.Async $version has no lib/net8.0" >&2; exit 1; }
  echo "== build (the Quick start as pasted)"
  dotnet build -c Release -nologo -warnaserror >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "consume: the Quick start does not compile on net8.0" >&2; exit 1; }
  if ! cmp -s "$snippet" "$offline"; then
    cp "$offline" Program.cs
    echo "== build (offline variant)"
    dotnet build -c Release -nologo -warnaserror >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "consume: the offline Quick start does not compile on net8.0" >&2; exit 1; }
  fi
  echo "== run (no PERPLEXITY_API_KEY: offline)"
  env -u PERPLEXITY_API_KEY timeout 300 dotnet run -c Release --no-build >"$work/run.out" 2>"$work/run.err" \
    || { cat "$work/run.out" "$work/run.err" >&2; echo "consume: the Quick start failed when run" >&2; exit 1; }
)
echo "== output"
head -n 20 "$work/run.out"
[ -s "$work/run.out" ] || { echo "consume: the Quick start printed nothing" >&2; exit 1; }
echo "consume: the Quick start compiled and ran on net8.0 from the packed packages"
