# Shared by the *.Tests.ps1 files: starts the ChatPS emulator on a free loopback port and imports the built module.
# Requires `dotnet build` to have run (it assembles out/ChatPS and builds the emulator).

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Start-TestEmulator {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
    $listener.Stop()

    $dll = Get-ChildItem (Join-Path $script:RepoRoot 'tools/ChatPS.Emulator/bin') -Recurse -Filter 'ChatPS.Emulator.dll' |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'The emulator is not built: run dotnet build first.' }

    $log = Join-Path ([System.IO.Path]::GetTempPath()) ("chatps-emulator-{0}.log" -f $port)
    $process = Start-Process -FilePath 'dotnet' -ArgumentList @($dll.FullName, '--port', $port, '--synthetic-users', '1000') `
        -PassThru -RedirectStandardOutput $log -ErrorAction Stop
    $base = "http://127.0.0.1:$port"
    for ($i = 0; $i -lt 150; $i++) {
        try {
            $null = Invoke-RestMethod -Uri "$base/_emulator/stats" -TimeoutSec 2
            break
        }
        catch {
            Start-Sleep -Milliseconds 100
        }
    }
    [pscustomobject]@{
        Process = $process
        BaseUri = $base
        Kook    = "$base/api/v3"
        Tomon   = "$base/api/v1"
    }
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator -and $Emulator.Process -and -not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
    }
}

function Get-EmulatorRequest {
    param($Emulator, [string] $Path)
    @(Invoke-RestMethod -Uri "$($Emulator.BaseUri)/_emulator/requests?path=$([uri]::EscapeDataString($Path))")
}

function Reset-Emulator {
    param($Emulator)
    $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/_emulator/reset"
}

function ConvertTo-TestSecret {
    param([string] $Text)
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

Import-Module (Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1') -Force
