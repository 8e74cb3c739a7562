# Starts and stops the built ChatPS emulator (tools/ChatPS.Emulator) on a free loopback port, for build.ps1's Demo and
# Shell tasks and the Pester suite. Dot-source it; needs `dotnet build` to have run.
#
# The emulator is started with --exit-with-stdin and this process holding its standard input: it stops when this
# process ends, however it ends (exit, Ctrl+C, a kill), and a Ctrl+C meant for an interactive shell on the same
# terminal does not stop it.

function Start-ChatPSEmulator {
    param(
        # The repository root; the emulator is looked for in its tools/ChatPS.Emulator/bin.
        [Parameter(Mandatory)] [string] $RepoRoot,
        # More emulator options (see `--help`); --port 0 is always given.
        [string[]] $ArgumentList = @()
    )
    $dll = Get-ChildItem (Join-Path $RepoRoot 'tools/ChatPS.Emulator/bin') -Recurse -Filter 'ChatPS.Emulator.dll' -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'The emulator is not built: run `dotnet build` (or ./build.ps1) first.' }

    # System.Diagnostics.Process rather than Start-Process: the first stdout line names the port, and the standard input
    # must be a pipe this process holds.
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll.FullName, '--port', '0', '--exit-with-stdin') + $ArgumentList) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    # Waiting for the first line is not a timing assertion: the emulator either prints it or exits.
    $first = $process.StandardOutput.ReadLine()
    if ($first -notmatch 'listening on (https?://\S+?)/?$') {
        $errorText = $process.StandardError.ReadToEnd()
        throw "The emulator did not start: $first $errorText"
    }
    $base = $Matches[1]
    # Keep reading its output so a full pipe never blocks it.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{
        Process = $process
        BaseUri = $base
        Kook    = "$base/api/v3"
        Tomon   = "$base/api/v1"
    }
}

function Stop-ChatPSEmulator {
    param($Emulator)
    if (-not $Emulator -or -not $Emulator.Process) { return }
    $process = $Emulator.Process
    if (-not $process.HasExited) {
        # Closing its standard input is the stop it asked for; it finishes requests in flight within about a second.
        try { $process.StandardInput.Close() } catch [System.IO.IOException] { }
        if (-not $process.WaitForExit(30000)) {
            $process.Kill()
            $null = $process.WaitForExit(30000)
        }
    }
    $process.Dispose()
}
