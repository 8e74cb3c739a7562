# A real authenticating proxy for the network tests: squid from Debian's packages (installed here when missing), with
# Basic authentication (basic_ncsa_auth and an htpasswd file made with `openssl passwd -apr1`), on a free loopback
# port, with its configuration, logs and pid file in a folder of its own under the temporary directory. Nothing of
# the system's squid is used or changed: its service is not started by the install, and the test instance runs in
# the foreground (-N) as a child of the test engine, stopped by Stop-TestProxy.
#
# Name resolution: .NET never sends a loopback address or `localhost` through a proxy, so the tests reach the emulator
# by made-up names (kook.chatps.test, tomon.chatps.test) that only this squid knows: its `hosts_file` maps them to
# 127.0.0.1. The machine's resolver does not know them, so a request that bypassed the proxy would fail, and the
# proxy's access log lists every request that did go through it.

$script:ProxyUser = 'chatps-proxy-user'
$script:ProxyPasswordText = 'Proxy-Pa55:word'
$script:SquidBinary = '/usr/sbin/squid'
$script:SquidLib = '/usr/lib/squid'

# Installs Debian's squid (and openssl) when missing (apt-get update once, then apt-get install -y squid). The package's
# service start is refused with a policy-rc.d of our own (unless the system has one), so no system-wide squid
# competes with the test instance.
function Install-TestProxy {
    $packages = @(
        if (-not ((Test-Path -LiteralPath $script:SquidBinary) -and (Test-Path -LiteralPath "$script:SquidLib/basic_ncsa_auth"))) { 'squid' }
        # `openssl passwd -apr1` makes the password file's hash.
        if (-not (Get-Command openssl -CommandType Application -ErrorAction SilentlyContinue)) { 'openssl' }
    )
    if ($packages.Count -eq 0) { return }
    if (-not $IsLinux -or -not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        throw "The network tests need $($packages -join ' and ') and install them with apt-get, which this machine does not have. Install them first."
    }
    $policy = '/usr/sbin/policy-rc.d'
    $ownPolicy = -not (Test-Path -LiteralPath $policy)
    $previousFrontend = $env:DEBIAN_FRONTEND
    try {
        if ($ownPolicy) {
            # Exit code 101: "action not allowed"; invoke-rc.d then starts no service.
            Set-Content -LiteralPath $policy -Value "#!/bin/sh`n# Written by ChatPS's tests/Pester/TestProxy.ps1 while it installs squid; removed afterwards.`nexit 101" -NoNewline
            & chmod 755 $policy
        }
        $env:DEBIAN_FRONTEND = 'noninteractive'
        $log = & apt-get update 2>&1
        if ($LASTEXITCODE -ne 0) { throw "apt-get update failed ($LASTEXITCODE): $($log | Select-Object -Last 5 | Out-String)" }
        $log = & apt-get install -y --no-install-recommends @packages 2>&1
        if ($LASTEXITCODE -ne 0) { throw "apt-get install $($packages -join ' ') failed ($LASTEXITCODE): $($log | Select-Object -Last 10 | Out-String)" }
    }
    finally {
        $env:DEBIAN_FRONTEND = $previousFrontend
        if ($ownPolicy) { Remove-Item -LiteralPath $policy -Force -ErrorAction SilentlyContinue }
    }
    if (-not (Test-Path -LiteralPath $script:SquidBinary)) { throw "apt-get installed squid, but $script:SquidBinary is missing." }
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Test-LoopbackPort {
    param([int] $Port)
    $client = [System.Net.Sockets.TcpClient]::new()
    try {
        $client.ConnectAsync([System.Net.IPAddress]::Loopback, $Port).Wait(2000) -and $client.Connected
    }
    catch { $false }
    finally { $client.Dispose() }
}

# Starts squid; -HostName maps made-up names to 127.0.0.1 in its hosts_file. Waits (bounded) until it listens.
function Start-TestProxy {
    param([string[]] $HostName = @('kook.chatps.test', 'tomon.chatps.test'))
    Install-TestProxy
    $dir = Join-Path ([IO.Path]::GetTempPath()) ("chatps-squid-" + [guid]::NewGuid().ToString('N').Substring(0, 12))
    $null = New-Item -ItemType Directory -Path $dir

    $hash = $script:ProxyPasswordText | & openssl passwd -apr1 -stdin
    if ($LASTEXITCODE -ne 0 -or -not $hash) { throw 'openssl passwd -apr1 failed.' }
    Set-Content -LiteralPath (Join-Path $dir 'passwd') -Value "${script:ProxyUser}:$hash"
    Set-Content -LiteralPath (Join-Path $dir 'hosts') -Value ("127.0.0.1 " + ($HostName -join ' '))

    for ($try = 1; ; $try++) {
        $port = Get-FreeLoopbackPort
        $config = @"
http_port 127.0.0.1:$port
visible_hostname chatps-test-proxy
pid_filename $dir/squid.pid
cache_log $dir/cache.log
access_log stdio:$dir/access.log squid
cache_store_log none
logfile_rotate 0
buffered_logs off
cache deny all
cache_mem 8 MB
coredump_dir $dir
pinger_enable off
netdb_filename none
icp_port 0
htcp_port 0
shutdown_lifetime 1 seconds
hosts_file $dir/hosts
auth_param basic program $script:SquidLib/basic_ncsa_auth $dir/passwd
auth_param basic children 2
auth_param basic realm ChatPS test proxy
auth_param basic credentialsttl 1 minute
acl chatps_test dstdomain .chatps.test
acl authenticated proxy_auth REQUIRED
# Only the made-up test names are forwarded: this proxy reaches nothing else.
http_access deny !chatps_test
http_access allow authenticated
http_access deny all
"@
        $configPath = Join-Path $dir 'squid.conf'
        Set-Content -LiteralPath $configPath -Value $config
        if ((& id -u) -eq '0') {
            # Run as root, squid drops to its own user (proxy), which writes the logs and reads the password file.
            & chown -R proxy:proxy $dir
        }

        $info = [System.Diagnostics.ProcessStartInfo]::new($script:SquidBinary)
        foreach ($argument in '-N', '-f', $configPath) { $info.ArgumentList.Add($argument) }
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($info)
        $null = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()

        # Bounded: squid listens within seconds or exits with its reason in cache.log.
        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        while (-not $process.HasExited -and -not (Test-LoopbackPort $port) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
        if (-not $process.HasExited -and (Test-LoopbackPort $port)) {
            return [pscustomobject]@{
                Process   = $process
                Port      = $port
                Uri       = [uri]"http://127.0.0.1:$port"
                Directory = $dir
                AccessLog = Join-Path $dir 'access.log'
                CacheLog  = Join-Path $dir 'cache.log'
                User      = $script:ProxyUser
                Password  = $script:ProxyPasswordText
            }
        }
        if (-not $process.HasExited) { $process.Kill(); $null = $process.WaitForExit(30000) }
        $why = (Get-Content -LiteralPath (Join-Path $dir 'cache.log') -ErrorAction SilentlyContinue | Select-Object -Last 15) -join "`n"
        # Another process may have taken the port between the check and squid's bind: try another, a few times.
        if ($try -ge 3) { throw "squid did not start on 127.0.0.1:${port}: $why $($stderr.Result)" }
    }
}

function Stop-TestProxy {
    param($Proxy)
    if (-not $Proxy) { return }
    if ($Proxy.Process -and -not $Proxy.Process.HasExited) {
        # SIGTERM: squid closes its listening socket and stops its helpers (shutdown_lifetime 1 s); killed if it does not.
        & kill -TERM $Proxy.Process.Id 2>$null
        if (-not $Proxy.Process.WaitForExit(30000)) { $Proxy.Process.Kill(); $null = $Proxy.Process.WaitForExit(30000) }
    }
    Remove-Item -LiteralPath $Proxy.Directory -Recurse -Force -ErrorAction SilentlyContinue
}

# The access log's lines (native squid format: time elapsed client code/status bytes method URL user hierarchy type).
function Get-TestProxyLog {
    param($Proxy)
    @(Get-Content -LiteralPath $Proxy.AccessLog -ErrorAction SilentlyContinue)
}

function New-TestProxyCredential {
    param([string] $Password = $script:ProxyPasswordText)
    [pscredential]::new($script:ProxyUser, (ConvertTo-SecureString $Password -AsPlainText -Force))
}
