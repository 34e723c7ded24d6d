#!/usr/bin/env bash
# Consumer check: pack, build samples/Consumer against the packages by version (not by project reference),
# run it, then install the tool from the same folder and run it.
set -euo pipefail
version=$(dotnet msbuild src/Smets1.Eligibility/Smets1.Eligibility.csproj -getProperty:Version)
rm -rf artifacts/packages artifacts/consumer artifacts/tools
dotnet pack Smets1.Eligibility.sln -c Release -o artifacts/packages

# A private package cache, so a package of the same version from an earlier run is never used.
export NUGET_PACKAGES="$PWD/artifacts/consumer/nuget-cache"
dotnet run --project samples/Consumer -c Release -p:Smets1Version="$version" | tee artifacts/consumer.txt
grep -q "CONSUMER-1: Eligible under v17" artifacts/consumer.txt
grep -q '"assessed_at":"2021-11-10T10:00:00Z"' artifacts/consumer.txt
grep -q '"rule":"COMMS-RECENT-CHF"' artifacts/consumer.txt
# The consumer targets net8.0: it must have been built against the package's net8.0 assets.
grep -q 'lib/net8.0/Smets1.Eligibility.dll' samples/Consumer/obj/project.assets.json

# The NRules bridge packs with its readme, XML docs and symbols; the core package does not depend on NRules.
nrules_pkg="artifacts/packages/Smets1.Eligibility.NRules.$version.nupkg"
[ -f "$nrules_pkg" ] && [ -f "artifacts/packages/Smets1.Eligibility.NRules.$version.snupkg" ]
unzip -l "$nrules_pkg" | grep -q "README.md"
unzip -l "$nrules_pkg" | grep -q "lib/net8.0/Smets1.Eligibility.NRules.xml"
unzip -p "$nrules_pkg" Smets1.Eligibility.NRules.nuspec | grep -q 'id="NRules"'
if unzip -p "artifacts/packages/Smets1.Eligibility.$version.nupkg" Smets1.Eligibility.nuspec | grep -qi 'nrules'; then
  echo "the core package must not depend on NRules" >&2; exit 1
fi

# Dependency injection, configuration and logging are the DependencyInjection package's: the core depends on none of them.
if unzip -p "artifacts/packages/Smets1.Eligibility.$version.nupkg" Smets1.Eligibility.nuspec | grep -qi 'Microsoft.Extensions'; then
  echo "the core package must not depend on Microsoft.Extensions.*" >&2; exit 1
fi
unzip -p "artifacts/packages/Smets1.Eligibility.DependencyInjection.$version.nupkg" Smets1.Eligibility.DependencyInjection.nuspec | grep -q 'id="Smets1.Eligibility"'
grep -q 'lib/net8.0/Smets1.Eligibility.DependencyInjection.dll' samples/Consumer/obj/project.assets.json

# The tool generates estates with the core package's SyntheticEstate: it ships no FsCheck or FSharp.Core.
if unzip -l "artifacts/packages/Smets1.Eligibility.Cli.$version.nupkg" | grep -Eqi 'fscheck|fsharp'; then
  echo "the tool package must not contain FsCheck or FSharp.Core" >&2; exit 1
fi

dotnet tool install Smets1.Eligibility.Cli --version "$version" --tool-path artifacts/tools --add-source artifacts/packages
artifacts/tools/smets1-eligibility versions | tee artifacts/tool-versions.txt
grep -q "^v29,2025-10-17" artifacts/tool-versions.txt
echo "consumer check passed for version $version"
