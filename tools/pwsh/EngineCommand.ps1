# How to start another process of the PowerShell engine that runs this script, as it really runs:
# - the PowerShell .NET tool (`dotnet pwsh`, pinned in .config/dotnet-tools.json) is the dotnet host running
#   $PSHOME/pwsh.dll, so the process path is dotnet's and the engine is the pwsh.dll beside $PSHOME;
# - an installed pwsh (a package, the MSI, a zip) is its own executable, the process path.
# Neither $PSHOME/pwsh nor `pwsh` on PATH is assumed: the tool's folder holds an apphost only its owner may run, and a
# machine with the tool has no pwsh on PATH at all.
# Dot-source this file; Get-EngineCommand returns the executable and the arguments that come before pwsh's own.

function Get-EngineCommand {
    $process = [Environment]::ProcessPath
    $name = [IO.Path]::GetFileNameWithoutExtension($process)
    if ($name -eq 'dotnet') {
        $dll = Join-Path $PSHOME 'pwsh.dll'
        if (-not (Test-Path -LiteralPath $dll)) { throw "This engine runs under the dotnet host, but $dll is missing." }
        [pscustomobject]@{ FilePath = $process; Prefix = @($dll); Display = "dotnet $dll" }
    }
    else {
        [pscustomobject]@{ FilePath = $process; Prefix = @(); Display = $process }
    }
}

# Runs the engine with pwsh arguments, like `& pwsh @Arguments`: output on the pipeline, $LASTEXITCODE set.
function Invoke-Engine {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    $engine = Get-EngineCommand
    & $engine.FilePath @($engine.Prefix) @Arguments
}

# A ProcessStartInfo for the engine with pwsh arguments, for tests that set the child's environment or read its streams.
function New-EngineStartInfo {
    param([string[]] $Arguments = @())
    $engine = Get-EngineCommand
    $info = [System.Diagnostics.ProcessStartInfo]::new($engine.FilePath)
    foreach ($argument in @($engine.Prefix) + $Arguments) { $info.ArgumentList.Add($argument) }
    $info.UseShellExecute = $false
    $info
}
