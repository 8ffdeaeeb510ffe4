#!/usr/bin/env bash
# Runs every sample offline, as a newcomer would (no PERPLEXITY_API_KEY: the built-in emulator answers),
# from the Release build, and checks that each one ends with exit code 0 and prints an answer.
set -euo pipefail
unset PERPLEXITY_API_KEY

problems=0
run() {
  local name=$1 expect=$2; shift 2
  local out
  echo "-- $name"
  if ! out=$(timeout 180 dotnet run -c Release --no-build --project "$@" 2>&1); then
    echo "$out" >&2
    echo "sample failed: $name" >&2
    problems=$((problems + 1))
    return
  fi
  echo "$out" | tail -n 5
  if ! grep -q "$expect" <<<"$out"; then
    echo "sample output lacks '$expect': $name" >&2
    problems=$((problems + 1))
  fi
}

run "DeepResearch" "Usage and cost" samples/DeepResearch -- "How do async jobs work?"
run "DeepResearch --legacy" "emulator" samples/DeepResearch -- --legacy "How do async jobs work?"
run "ChatClient" "emulator" samples/ChatClient -- "How do async jobs work?"
run "Snippets (all)" "wait-for-many" samples/Snippets -- all
run "HangfireWeb --smoke" "Answer (completed" samples/HangfireWeb -- --smoke

[ "$problems" -eq 0 ]
