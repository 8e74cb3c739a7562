<#
.SYNOPSIS
    Builds, tests and packages the ChatPS module.
.DESCRIPTION
    Build   : dotnet build, which assembles the importable module in out/ChatPS.
    Test    : dotnet test, then Pester 5 tests in tests/Pester when Pester 5 is installed.
    Package : a PowerShell Gallery-ready .nupkg from out/ChatPS (Publish-Module -WhatIf style layout).
    Help    : regenerates the MAML help in en-US from docs/cmdlets (PlatyPS when installed).
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Help')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$moduleOut = Join-Path $root 'out/ChatPS'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' {
            Invoke-Dotnet build (Join-Path $root 'ChatPS.sln') -c $Configuration
            Write-Host "Module assembled in $moduleOut"
        }
        'Test' {
            Invoke-Dotnet test (Join-Path $root 'ChatPS.sln') -c $Configuration
            $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
            $pesterTests = @(Get-ChildItem (Join-Path $root 'tests/Pester') -Filter '*.Tests.ps1' -ErrorAction SilentlyContinue)
            if (-not $pester) {
                Write-Warning 'Pester 5 is not installed: skipping tests/Pester (Install-Module Pester -MinimumVersion 5.0).'
            }
            elseif ($pesterTests.Count -eq 0) {
                Write-Host 'No Pester tests yet in tests/Pester.'
            }
            else {
                Import-Module $pester -Force
                $config = New-PesterConfiguration
                $config.Run.Path = Join-Path $root 'tests/Pester'
                $config.Run.Exit = $false
                $config.Run.PassThru = $true
                $config.Output.Verbosity = 'Detailed'
                $result = Invoke-Pester -Configuration $config
                if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
            }
        }
        'Package' {
            Invoke-Dotnet build (Join-Path $root 'ChatPS.sln') -c $Configuration
            Invoke-Dotnet msbuild (Join-Path $root 'src/ChatPS.Module/ChatPS.Module.csproj') -t:PackModule -p:Configuration=$Configuration
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
