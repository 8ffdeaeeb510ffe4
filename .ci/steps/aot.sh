#!/usr/bin/env bash
# NativeAOT proof: publishes samples/AotSmoke (PublishAot=true in its csproj) and runs the native binary against the
# in-memory emulator (create, get, wait, typed errors). Fails on any trim or AOT analysis warning (IL2xxx/IL3xxx),
# on a publish error and on a non-zero exit of the binary.
set -euo pipefail
out=artifacts/aot
rm -rf "$out"
mkdir -p "$out"
log="$out/publish.log"
# The native compiler's output is incremental: remove it so its warnings are printed again on every run.
find samples/AotSmoke/obj -type d -name native -prune -exec rm -rf {} + 2>/dev/null || true

if ! dotnet publish samples/AotSmoke/AotSmoke.csproj -c Release -o "$out/bin" >"$log" 2>&1; then
  cat "$log" >&2
  echo "NativeAOT publish failed (log: $log)" >&2
  exit 1
fi

warnings=$(grep -E 'warning IL[0-9]{4}|warning (AOT|Trim)' "$log" | sort -u || true)
if [ -n "$warnings" ]; then
  echo "$warnings" >&2
  echo "NativeAOT publish produced $(wc -l <<<"$warnings") trim/AOT warning(s)" >&2
  exit 1
fi
grep -q 'Generating native code' "$log" || { echo "the publish did not run the NativeAOT compiler" >&2; exit 1; }
[ ! -e "$out/bin/AotSmoke.dll" ] || { echo "the publish produced a managed AotSmoke.dll, not a native binary" >&2; exit 1; }
echo "published with 0 trim/AOT warnings: $(du -h "$out/bin/AotSmoke" | cut -f1) native binary"

timeout 120 "$out/bin/AotSmoke"
