<#
.SYNOPSIS
    Builds, tests and packages the ChatPS module.
.DESCRIPTION
    Runs in any PowerShell 7.4+, and in the engine the repository pins (`dotnet tool restore`, then `dotnet pwsh`).
    Build   : dotnet build, which assembles the importable module in out/ChatPS.
    Test    : builds, runs the xunit suites (dotnet test), then every tests/Pester/*.Tests.ps1 with Pester against the
              built out/ChatPS (the Gallery package is packed first: the Gallery tests install it). Pester is a
              Pester 5+ this engine has, else the pinned one restored from NuGet (tools/PSGalleryModules); nothing is
              installed into a profile. Fails if either suite fails; the Pester suite is never skipped.
              Prints each suite's counts and writes them to out/test-summary.txt, whose last line is the total
              ("tests: N passed, N failed") that .ci/run repeats.
    Demo    : builds, then runs the README tour (tools/pwsh/Demo.ps1) in a fresh engine against an emulator on a free
              port, and stops it. Exits non-zero, naming the step, when a step fails.
    Shell   : builds, starts an emulator and opens an interactive pwsh with the module imported and both platforms
              connected to it; the emulator stops when that shell ends.
    Package : a PowerShell Gallery-ready .nupkg from out/ChatPS (Publish-Module -WhatIf style layout).
    Help    : regenerates the MAML help in en-US from docs/cmdlets (PlatyPS when installed).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
.EXAMPLE
    ./build.ps1 -Task Test -PesterVersion 6.2.0
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Shell', 'Package', 'Help')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Run the Pester suite with this Pester version from NuGet (5.9.1 is pinned; 6.2.0 is what users get today).
    [string] $PesterVersion
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/ChatPS'
. (Join-Path $root 'tools/pwsh/EngineCommand.ps1')

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# Counts from the TRX files dotnet test wrote (one per test project).
function Get-XunitCount {
    param([string] $ResultsDirectory)
    $passed = 0; $failed = 0
    foreach ($trx in Get-ChildItem $ResultsDirectory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -Raw $trx.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

# The Pester to run the suite with: with -PesterVersion, that version restored from NuGet; otherwise a Pester 5 or later
# this engine already has (a contributor's own), else the pinned version (tools/PSGalleryModules) restored from NuGet.
# A NuGet package of a Gallery module holds the module in its tools/ folder. Nothing is installed into a profile.
function Resolve-Pester {
    if (-not $PesterVersion) {
        $own = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
        if ($own) { return $own.Path }
    }
    $project = Join-Path $root 'tools/PSGalleryModules/PSGalleryModules.csproj'
    $restore = @('restore', $project, '-v:quiet', '-nologo')
    if ($PesterVersion) { $restore += "-p:PesterVersion=$PesterVersion" }
    Invoke-Dotnet @restore
    # The restore records the package folder it used (NUGET_PACKAGES, a nuget.config's, or ~/.nuget/packages).
    $assets = Get-Content -Raw (Join-Path $root 'tools/PSGalleryModules/obj/project.assets.json') | ConvertFrom-Json
    $packages = @($assets.packageFolders.PSObject.Properties.Name)[0]
    $wanted = @($assets.project.frameworks.PSObject.Properties.Value.downloadDependencies | Where-Object name -eq 'Pester')[0]
    $version = $wanted.version.Trim('[', ']').Split(',')[0].Trim()
    $psd1 = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path $psd1)) { throw "Pester $version was restored from NuGet but $psd1 is missing." }
    $psd1
}

function Invoke-PesterSuite {
    $pester = Resolve-Pester
    $files = @(Get-ChildItem (Join-Path $root 'tests/Pester') -Filter '*.Tests.ps1')
    if ($files.Count -eq 0) { throw 'No tests/Pester/*.Tests.ps1 file found.' }
    Import-Module $pester -Force
    Write-Host "Pester $((Get-Module Pester).Version) from $(Split-Path $pester), on PowerShell $($PSVersionTable.PSVersion) in $PSHOME"
    # The tests run with PowerShell's defaults, as a user's session has them, not this script's strict settings.
    Set-StrictMode -Off
    $ErrorActionPreference = 'Continue'
    $config = New-PesterConfiguration
    $config.Run.Path = @($files.FullName)
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    if ($env:CI -or [Console]::IsOutputRedirected) { $config.Output.RenderMode = 'Plaintext' }
    $result = Invoke-Pester -Configuration $config
    # A container that failed to run (an error in BeforeAll or in the file itself) counts as a failure.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    [pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Duration = $result.Duration }
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' {
            Invoke-Dotnet build (Join-Path $root 'ChatPS.sln') -c $Configuration
            Write-Host "Module assembled in $moduleOut"
        }
        'Test' {
            Invoke-Dotnet build (Join-Path $root 'ChatPS.sln') -c $Configuration
            # The Gallery package too, before any test runs: Gallery.Tests.ps1 installs it, and packing later would
            # reassemble out/ChatPS under the Pester files that have it imported.
            Invoke-Dotnet msbuild (Join-Path $root 'src/ChatPS.Module/ChatPS.Module.csproj') '-t:PackModule' "-p:Configuration=$Configuration" '-v:minimal' '-nologo'
            $resultsDirectory = Join-Path $root 'out/test-results'
            Remove-Item $resultsDirectory -Recurse -Force -ErrorAction SilentlyContinue
            # Both suites run whatever the first one gives, so one run reports every failure.
            & dotnet test (Join-Path $root 'ChatPS.sln') -c $Configuration --no-build --logger 'trx' --logger 'console;verbosity=normal' --results-directory $resultsDirectory
            $xunitExit = $LASTEXITCODE
            $xunit = Get-XunitCount $resultsDirectory
            if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }  # dotnet test failed without a test failing (crash, no TRX)

            $pester = Invoke-PesterSuite

            $summary = @(
                "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"
                "pester: $($pester.Passed) passed, $($pester.Failed) failed (in $([math]::Round($pester.Duration.TotalSeconds)) s)"
                "tests: $($xunit.Passed + $pester.Passed) passed, $($xunit.Failed + $pester.Failed) failed"
            )
            $summary | Set-Content -Path (Join-Path $root 'out/test-summary.txt') -Encoding utf8
            $summary | ForEach-Object { Write-Host $_ }
            if ($xunit.Passed -eq 0) { throw 'No xunit test ran.' }
            if ($pester.Passed -eq 0) { throw 'No Pester test ran.' }
            if ($xunit.Failed -gt 0 -or $pester.Failed -gt 0) {
                throw "Tests failed: xunit $($xunit.Failed), Pester $($pester.Failed)."
            }
        }
        'Demo' {
            Invoke-Dotnet build (Join-Path $root 'ChatPS.sln') -c $Configuration
            # A fresh engine, as a user's session is; it prints the tour and names the step that failed, if one did.
            Invoke-Engine -NoProfile -NonInteractive -File (Join-Path $root 'tools/pwsh/Demo.ps1') -ModulePath (Join-Path $moduleOut 'ChatPS.psd1')
            if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE): see the step named above." }
        }
        'Shell' {
            Invoke-Dotnet build (Join-Path $root 'ChatPS.sln') -c $Configuration
            . (Join-Path $root 'tools/pwsh/Emulator.ps1')
            $emulator = Start-ChatPSEmulator -RepoRoot $root
            try {
                $info = New-EngineStartInfo -Arguments '-NoExit', '-NoLogo', '-NoProfile', '-File', (Join-Path $root 'tools/pwsh/Shell.ps1'),
                    '-ModulePath', (Join-Path $moduleOut 'ChatPS.psd1'), '-EmulatorUri', $emulator.BaseUri
                $shell = [System.Diagnostics.Process]::Start($info)
                # A blocking wait, not a PowerShell one: Ctrl+C typed at the shell's prompt is the shell's, and this
                # script goes on to stop the emulator only when the shell has ended.
                $shell.WaitForExit()
            }
            finally {
                Stop-ChatPSEmulator $emulator
                Write-Host 'The emulator has stopped.'
            }
        }
        'Package' {
            Invoke-Dotnet build (Join-Path $root 'ChatPS.sln') -c $Configuration
            Invoke-Dotnet msbuild (Join-Path $root 'src/ChatPS.Module/ChatPS.Module.csproj') '-t:PackModule' "-p:Configuration=$Configuration"
        }
        'Help' {
            $platyPS = Get-Module -ListAvailable platyPS | Sort-Object Version -Descending | Select-Object -First 1
            if ($platyPS) {
                Import-Module $platyPS -Force
                New-ExternalHelp -Path (Join-Path $root 'docs/cmdlets') -OutputPath (Join-Path $root 'en-US') -Force | Out-Null
            }
            else {
                Invoke-Dotnet msbuild (Join-Path $root 'src/ChatPS.Module/ChatPS.Module.csproj') -t:GenerateHelp
            }
        }
    }
}
