<#
.SYNOPSIS
    Makes a ReadyToRun-compiled copy of the pwsh engine running this script, to measure ChatPS as an installed PowerShell runs it.

.DESCRIPTION
    PowerShell's release packages ship their own assemblies (System.Management.Automation, Microsoft.PowerShell.*,
    Newtonsoft.Json, ...) precompiled to ReadyToRun images, so an installed pwsh starts in a third of the time and JITs
    little of its own code. An engine built from the sources without that step (such as a source build) JITs all of it,
    and the fresh-process figures of Measure-ChatPS.ps1 then measure mostly PowerShell's JIT. This script copies the
    engine it runs in, compiles each of its managed assemblies with crossgen2 for this machine's OS and architecture
    (against the .NET runtime this pwsh runs on), and prints the new pwsh's path. Run Measure-ChatPS.ps1 with that pwsh
    to get the figures an installed PowerShell would give.

    crossgen2 comes from the Microsoft.NETCore.App.Crossgen2.<rid> package, restored through `dotnet restore` (from the
    NuGet feed this machine uses, or its package cache). An assembly crossgen2 refuses (already precompiled, or not IL)
    is copied as it is. The engine this runs in is not changed.

.PARAMETER Destination
    The folder for the copy; it is replaced if it exists. Default: out/pwsh-r2r under the repository.

.PARAMETER Crossgen2Version
    The crossgen2 package version. Default: the version of the .NET runtime this pwsh runs on.

.EXAMPLE
    $engine = dotnet pwsh -NoProfile -File bench/pwsh/New-ReadyToRunEngine.ps1
    & $engine -NoProfile -File bench/pwsh/Measure-ChatPS.ps1
#>
[CmdletBinding()]
param(
    [string] $Destination,
    [string] $Crossgen2Version
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not $Destination) { $Destination = Join-Path $root 'out/pwsh-r2r' }
$source = $PSHOME
$framework = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
if (-not $Crossgen2Version) { $Crossgen2Version = [Environment]::Version.ToString(3) }

$os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
$targetOs = if ($IsWindows) { 'windows' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
$arch = [System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
$rid = "$os-$arch"

# The package holds a self-contained crossgen2 for the machine it runs on; a PackageDownload fetches it without a build.
$restoreDir = Join-Path ([IO.Path]::GetTempPath()) ('chatps-crossgen2-' + [Guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $restoreDir
try {
    $package = "Microsoft.NETCore.App.Crossgen2.$rid"
    Set-Content -Path (Join-Path $restoreDir 'crossgen2.csproj') -Value @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="$package" Version="[$Crossgen2Version]" /></ItemGroup>
</Project>
"@
    & dotnet restore (Join-Path $restoreDir 'crossgen2.csproj') -nologo -v q | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Restoring $package $Crossgen2Version failed; name another version with -Crossgen2Version." }
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $tool = Join-Path $packages "$($package.ToLowerInvariant())/$Crossgen2Version/tools/crossgen2$(if ($IsWindows) { '.exe' })"
    if (-not (Test-Path $tool)) { throw "crossgen2 is not where the package should have put it: $tool" }
} finally {
    Remove-Item -Recurse -Force $restoreDir -ErrorAction SilentlyContinue
}

if (Test-Path $Destination) { Remove-Item -Recurse -Force $Destination }
Copy-Item -Recurse -Path $source -Destination $Destination
$scratch = Join-Path ([IO.Path]::GetTempPath()) ('chatps-crossgen2-' + [Guid]::NewGuid().ToString('N'))
$log = "$scratch.log"
$rsp = "$scratch.rsp"
$compiled = 0
$kept = [System.Collections.Generic.List[string]]::new()
foreach ($dll in Get-ChildItem -Path $source -Filter '*.dll' -File) {
    $output = Join-Path $Destination $dll.Name
    Remove-Item -Force $output
    # A response file: pwsh would expand the reference wildcards itself on Unix, and crossgen2 wants them unexpanded.
    Set-Content -Path $rsp -Value @($dll.FullName, '-o', $output, '-r', (Join-Path $framework '*.dll'), '-r', (Join-Path $source '*.dll'),
        "--targetos:$targetOs", "--targetarch:$arch", '-O')
    & $tool "@$rsp" *> $log
    if ($LASTEXITCODE -eq 0) {
        $compiled++
    } else {
        Copy-Item -Path $dll.FullName -Destination $output
        $kept.Add($dll.Name)
    }
}
Remove-Item $log, $rsp -ErrorAction SilentlyContinue

Write-Host "Compiled $compiled assemblies of $source for $rid with crossgen2 $Crossgen2Version$(if ($kept.Count) { "; kept as they were: $($kept -join ', ')" })."
Join-Path $Destination $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
