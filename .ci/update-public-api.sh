#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt for every project under src/ from what the code declares today.
#
#   bash .ci/update-public-api.sh
#
# Run it after a deliberate public API change (or after merging branches that add API), review the diff of the
# PublicAPI files, and commit it. PublicAPI.Shipped.txt files are never touched: shipping a release moves the
# Unshipped lines there by hand (CONTRIBUTING.md).
#
# How: every src project is rebuilt once with RS0016/RS0017 reported as warnings (UpdatingPublicApi=true), and the
# analyzer's own messages give the declaration lines, in the exact form its code fix would write, per target
# framework. Lines every target framework shares go to <project>/PublicAPI.Unshipped.txt; lines only some have go
# to <project>/PublicAPI/<tfm>/PublicAPI.Unshipped.txt (the analyzer merges the two). `dotnet format analyzers
# --diagnostics RS0016` works too, but writes the union of all frameworks into the shared file, which then breaks
# the build of the framework that lacks a member (net10.0's DateOnly overload, covariant record Clone returns).
# Finally the projects are built again as CI builds them, so the script fails if the files are still wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export LC_ALL=C
work="$root/artifacts/public-api"
rm -rf "$work"
mkdir -p "$work"
header='#nullable enable'

mapfile -t projects < <(find src -mindepth 2 -maxdepth 2 -name '*.csproj' | sort)
[ "${#projects[@]}" -gt 0 ] || { echo "no projects under src/" >&2; exit 1; }

# A solution filter over the src projects: one parallel rebuild instead of one per project.
slnf="$work/src.slnf"
{
  echo '{ "solution": { "path": "../../Perplexity.Async.sln", "projects": ['
  for i in "${!projects[@]}"; do
    sep=','; [ "$i" -eq $((${#projects[@]} - 1)) ] && sep=''
    echo "  \"${projects[$i]}\"$sep"
  done
  echo '] } }'
} >"$slnf"

declare -A tfms_of
for proj in "${projects[@]}"; do
  grep -qF "${proj//\//\\}" Perplexity.Async.sln || { echo "$proj is not in Perplexity.Async.sln; add it first (dotnet sln add)" >&2; exit 1; }
  dir=$(dirname "$proj")
  tfms=$(dotnet msbuild "$proj" -getProperty:TargetFrameworks | tr ';' ' ' | xargs)
  [ -n "$tfms" ] || tfms=$(dotnet msbuild "$proj" -getProperty:TargetFramework | xargs)
  tfms_of[$proj]=$tfms
  # Start from the Shipped files only: every unshipped line is recomputed.
  [ -f "$dir/PublicAPI.Shipped.txt" ] || echo "$header" >"$dir/PublicAPI.Shipped.txt"
  echo "$header" >"$dir/PublicAPI.Unshipped.txt"
  for tfm in $tfms; do
    if [ -f "$dir/PublicAPI/$tfm/PublicAPI.Unshipped.txt" ]; then
      echo "$header" >"$dir/PublicAPI/$tfm/PublicAPI.Unshipped.txt"
    fi
  done
done

echo "== rebuilding ${projects[*]} to collect RS0016/RS0017"
if ! dotnet build "$slnf" --no-incremental -p:UpdatingPublicApi=true -nologo >"$work/build.log" 2>&1; then
  grep -E ': error ' "$work/build.log" | sort -u | head -n 50 >&2 || true
  echo "the build failed for another reason than the public API files; full log: $work/build.log" >&2
  exit 1
fi

# project<TAB>tfm<TAB>id<TAB>symbol, one per diagnostic (MSBuild repeats warnings in its summary: sort -u).
sed -nE "s/.*warning (RS001[67]): Symbol '(.*)' (is not part of the declared public API|is part of the declared API, but is either not public or could not be found).*\[([^]]*\.csproj)(::TargetFramework=([^]]*))?\][[:space:]]*$/\4\t\6\t\1\t\2/p" \
  "$work/build.log" | sort -u >"$work/diagnostics.tsv"

status=0
for proj in "${projects[@]}"; do
  dir=$(dirname "$proj")
  abs="$root/$proj"
  read -ra tfms <<<"${tfms_of[$proj]}"
  for tfm in "${tfms[@]}"; do
    for id in RS0016 RS0017; do
      awk -F'\t' -v p="$abs" -v t="$tfm" -v id="$id" -v n="${#tfms[@]}" \
        '$1 == p && ($2 == t || (n == 1 && $2 == "")) && $3 == id { print $4 }' "$work/diagnostics.tsv" |
        sort -u >"$work/$(basename "$dir").$tfm.$id"
    done
  done

  # Shared lines: declared by every target framework.
  common="$work/$(basename "$dir").common"
  cp "$work/$(basename "$dir").${tfms[0]}.RS0016" "$common"
  for tfm in "${tfms[@]:1}"; do
    comm -12 "$common" "$work/$(basename "$dir").$tfm.RS0016" >"$common.next" && mv "$common.next" "$common"
  done

  # Removed shipped API: the code fix's *REMOVED* lines. Only whole removals are handled here.
  removed_common="$work/$(basename "$dir").removed"
  cp "$work/$(basename "$dir").${tfms[0]}.RS0017" "$removed_common"
  for tfm in "${tfms[@]:1}"; do
    comm -12 "$removed_common" "$work/$(basename "$dir").$tfm.RS0017" >"$removed_common.next" && mv "$removed_common.next" "$removed_common"
  done

  { echo "$header"; { cat "$common"; sed 's/^/*REMOVED*/' "$removed_common"; } | sort -f; } >"$dir/PublicAPI.Unshipped.txt"
  echo "$proj: $(wc -l <"$common") shared unshipped, $(wc -l <"$removed_common") removed"

  for tfm in "${tfms[@]}"; do
    [ "${#tfms[@]}" -gt 1 ] || break
    only=$(comm -23 "$work/$(basename "$dir").$tfm.RS0016" "$common")
    removed_only=$(comm -23 "$work/$(basename "$dir").$tfm.RS0017" "$removed_common")
    tdir="$dir/PublicAPI/$tfm"
    if [ -n "$removed_only" ]; then
      while IFS= read -r line; do
        if grep -qxF -- "$line" "$dir/PublicAPI.Shipped.txt"; then
          echo "$proj: '$line' is shipped for every framework but removed only on $tfm: move it to PublicAPI/<tfm>/PublicAPI.Shipped.txt of the frameworks that keep it, then run this again" >&2
          status=1
        fi
      done <<<"$removed_only"
    fi
    shipped_lines=0
    [ -f "$tdir/PublicAPI.Shipped.txt" ] && shipped_lines=$(grep -cvx -- "$header" "$tdir/PublicAPI.Shipped.txt" || true)
    if [ -n "$only" ] || [ -n "$removed_only" ] || [ "$shipped_lines" -gt 0 ]; then
      mkdir -p "$tdir"
      [ -f "$tdir/PublicAPI.Shipped.txt" ] || echo "$header" >"$tdir/PublicAPI.Shipped.txt"
      {
        echo "$header"
        { [ -z "$only" ] || echo "$only"; [ -z "$removed_only" ] || sed 's/^/*REMOVED*/' <<<"$removed_only"; } | sort -f
      } >"$tdir/PublicAPI.Unshipped.txt"
      echo "$proj: $(grep -c . <<<"$only" || true) unshipped only on $tfm"
    elif [ -d "$tdir" ]; then
      # Nothing specific to this framework any more: drop the empty pair.
      rm -f "$tdir/PublicAPI.Shipped.txt" "$tdir/PublicAPI.Unshipped.txt"
      rmdir "$tdir" 2>/dev/null || true
      rmdir "$dir/PublicAPI" 2>/dev/null || true
    fi
  done
done
[ "$status" -eq 0 ] || exit "$status"

echo "== building as CI does (RS0016/RS0017 are errors)"
if ! dotnet build "$slnf" -nologo >"$work/verify.log" 2>&1; then
  grep -E ': error ' "$work/verify.log" | sort -u | head -n 50 >&2 || true
  echo "the regenerated files still do not match the code; full log: $work/verify.log" >&2
  exit 1
fi
echo "public API files are up to date:"
git status --short -- 'src/**/PublicAPI*.txt' 'src/*/PublicAPI/*' || true
