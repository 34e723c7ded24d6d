#!/usr/bin/env bash
# Consumer check: pack, build samples/Consumer against the packages by version (not by project reference),
# run it, then install the tool from the same folder and run it.
#
# Every check reads a file, never a pipe into `grep -q`: under `pipefail` the writer of such a pipe can die of
# SIGPIPE when grep stops reading at its first match, failing the step at random. Every failed check says which.
set -euo pipefail
version=$(dotnet msbuild src/Smets1.Eligibility/Smets1.Eligibility.csproj -getProperty:Version)
rm -rf artifacts/packages artifacts/consumer artifacts/tools
dotnet pack Smets1.Eligibility.sln -c Release -o artifacts/packages
out=artifacts/consumer
mkdir -p "$out"

fail() { echo "consumer check failed: $*" >&2; exit 1; }
# has FILE PATTERN WHAT: FILE must contain PATTERN (extended regular expression, case-insensitive).
has() { grep -Eqi -- "$2" "$1" || fail "$3 (no '$2' in $1)"; }
# lacks FILE PATTERN WHAT: FILE must not contain PATTERN.
lacks() { if grep -Eqi -- "$2" "$1"; then fail "$3 ('$2' found in $1)"; fi; }
# listing/nuspec PACKAGE: the package's file list, or its nuspec, saved to a file of their own.
listing() { unzip -l "artifacts/packages/$1.$version.nupkg" > "$out/$1.files.txt" || fail "cannot list $1.$version.nupkg"; echo "$out/$1.files.txt"; }
nuspec() { unzip -p "artifacts/packages/$1.$version.nupkg" "$1.nuspec" > "$out/$1.nuspec" || fail "no $1.nuspec in $1.$version.nupkg"; echo "$out/$1.nuspec"; }

# A private package cache, so a package of the same version from an earlier run is never used.
export NUGET_PACKAGES="$PWD/$out/nuget-cache"
dotnet run --project samples/Consumer -c Release -p:Smets1Version="$version" > "$out/consumer.txt" || fail "samples/Consumer did not build or run"
cat "$out/consumer.txt"
has "$out/consumer.txt" "CONSUMER-1: Eligible under v17" "the consumer's first installation"
has "$out/consumer.txt" '"assessed_at":"2021-11-10T10:00:00Z"' "the consumer's JSON (NodaTime serialization)"
has "$out/consumer.txt" '"rule":"COMMS-RECENT-CHF"' "the consumer's failed rule"
# The consumer targets net8.0: it must have been built against the packages' net8.0 assets.
assets=samples/Consumer/obj/project.assets.json
has "$assets" 'lib/net8.0/Smets1\.Eligibility\.dll' "the consumer uses the core package's net8.0 assets"
has "$assets" 'lib/net8.0/Smets1\.Eligibility\.DependencyInjection\.dll' "the consumer uses the DependencyInjection package's net8.0 assets"

# The NRules bridge packs with its readme, XML docs and symbols; the core package does not depend on NRules.
[ -f "artifacts/packages/Smets1.Eligibility.NRules.$version.nupkg" ] || fail "no NRules package"
[ -f "artifacts/packages/Smets1.Eligibility.NRules.$version.snupkg" ] || fail "no NRules symbols package"
nrules_files=$(listing Smets1.Eligibility.NRules)
has "$nrules_files" "README\.md" "the NRules package's readme"
has "$nrules_files" "lib/net8\.0/Smets1\.Eligibility\.NRules\.xml" "the NRules package's XML docs"
has "$(nuspec Smets1.Eligibility.NRules)" 'id="NRules"' "the NRules package depends on NRules"

# Dependency injection, configuration and logging are the DependencyInjection package's: the core depends on none of them.
core=$(nuspec Smets1.Eligibility)
lacks "$core" 'nrules' "the core package must not depend on NRules"
lacks "$core" 'Microsoft\.Extensions' "the core package must not depend on Microsoft.Extensions.*"
has "$(nuspec Smets1.Eligibility.DependencyInjection)" 'id="Smets1\.Eligibility"' "the DependencyInjection package depends on the core package"

# The tool package points at one precompiled (ReadyToRun) package per platform and a portable fallback ("any").
tool_settings="$out/tool-settings.xml"
unzip -p "artifacts/packages/Smets1.Eligibility.Cli.$version.nupkg" tools/any/any/DotnetToolSettings.xml > "$tool_settings" \
  || fail "no DotnetToolSettings.xml in the tool's pointer package"
for rid in linux-x64 linux-arm64 osx-arm64 win-x64 any; do
  has "$tool_settings" "RuntimeIdentifier=\"$rid\" Id=\"Smets1\.Eligibility\.Cli\.$rid\"" "the tool's pointer package names its $rid package"
  [ -f "artifacts/packages/Smets1.Eligibility.Cli.$rid.$version.nupkg" ] || fail "no $rid tool package"
  # The tool generates estates with the core package's SyntheticEstate: it ships no FsCheck or FSharp.Core.
  lacks "$(listing Smets1.Eligibility.Cli.$rid)" 'fscheck|fsharp' "the $rid tool package must not contain FsCheck or FSharp.Core"
done

dotnet tool install Smets1.Eligibility.Cli --version "$version" --tool-path artifacts/tools --add-source artifacts/packages \
  || fail "the tool does not install from the package"
artifacts/tools/smets1-eligibility versions > artifacts/tool-versions.txt || fail "the installed tool's 'versions' failed"
cat artifacts/tool-versions.txt
has artifacts/tool-versions.txt '^v29,2025-10-17' "the installed tool lists v29"
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  find artifacts/tools/.store -name smets1-eligibility.dll > "$out/tool-dll.txt"
  has "$out/tool-dll.txt" '/tools/net10\.0/linux-x64/smets1-eligibility\.dll' "the tool installs its precompiled linux-x64 package here"
fi
echo "consumer check passed for version $version"
