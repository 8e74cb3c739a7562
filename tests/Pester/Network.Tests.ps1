#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The network an admin really has (issue 20): an authenticating proxy (a real squid, Basic auth, see TestProxy.ps1),
# HTTPS end to end and tunnelled through that proxy (the emulator's --https: real TLS from a test CA, trusted by a
# child engine through SSL_CERT_FILE; no certificate check is skipped anywhere), and servers that refuse chunked
# request bodies (the emulator answers them with 411 unless --allow-chunked).
#
# The emulator is reached through the proxy by made-up names (kook.chatps.test, tomon.chatps.test) that only squid
# resolves (its hosts_file): .NET never proxies loopback addresses, and a request that bypassed the proxy could not
# resolve the name. The proxy's access log is checked for every request, so a bypass cannot pass.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    . (Join-Path $PSScriptRoot 'TestProxy.ps1')

    $script:Proxy = Start-TestProxy
    $script:Emulator = Start-TestEmulator
    $script:Port = ([uri]$script:Emulator.BaseUri).Port
    $script:KookUri = "http://kook.chatps.test:$($script:Port)/api/v3"
    $script:TomonUri = "http://tomon.chatps.test:$($script:Port)/api/v1"

    $script:CaFile = Join-Path ([IO.Path]::GetTempPath()) ("chatps-test-ca-" + [guid]::NewGuid().ToString('N') + '.pem')
    $script:Tls = Start-TestEmulator -ArgumentList '--https', '--ca-out', $script:CaFile
    $script:TlsPort = ([uri]$script:Tls.BaseUri).Port

    $script:KookToken = ConvertTo-TestSecret $script:KookTokenText
    $script:BotToken = ConvertTo-TestSecret $script:TomonBotTokenText
    $script:Secrets = @($script:KookTokenText, $script:TomonBotTokenText, $script:TomonSessionText, 'tomon-session-', $script:TomonPasswordText,
        $script:ProxyPasswordText, [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${script:ProxyUser}:$script:ProxyPasswordText")))

    $script:Evidence = Join-Path $TestDrive 'evidence.png'
    $bytes = [byte[]]::new(4096)
    [System.Random]::new(20).NextBytes($bytes)
    ([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)).CopyTo($bytes, 0)
    [System.IO.File]::WriteAllBytes($script:Evidence, $bytes)
    $script:EvidenceHash = (Get-FileHash -LiteralPath $script:Evidence -Algorithm SHA256).Hash.ToLowerInvariant()

    $script:Through = @{ Proxy = $script:Proxy.Uri; AllowUnencryptedAuthentication = $true }

    # Proxy log lines for requests squid forwarded (or tunnelled) for the authenticated user.
    function Get-ForwardedLine {
        param([string] $Pattern)
        @(Get-TestProxyLog $script:Proxy | Where-Object { $_ -match $Pattern -and $_ -match " $([regex]::Escape($script:ProxyUser)) HIER_DIRECT/127\.0\.0\.1" })
    }

    # A JSON array from the emulator's inspection endpoints, as items (Invoke-RestMethod writes an array as one object).
    function Get-EmulatorList {
        param($Emulator, [string] $What)
        @(Invoke-RestMethod "$($Emulator.BaseUri)/_emulator/$What" | ForEach-Object { $_ })
    }

    # The error record a command stopped with.
    function Get-StopRecord {
        param([scriptblock] $Command)
        try { & $Command; $null } catch { $_ }
    }

    # Runs -Script in a child engine that trusts the test CA (SSL_CERT_FILE) and returns what it wrote as JSON. The
    # script reads its inputs from the CHATPS_NET_* variables given in -Environment.
    function Invoke-TrustingEngine {
        param([string] $Script, [hashtable] $Environment = @{})
        $file = Join-Path $TestDrive ("child-" + [guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $file -Value $Script
        $info = New-EngineStartInfo -Arguments '-NoProfile', '-NonInteractive', '-File', $file
        $info.Environment['SSL_CERT_FILE'] = $script:CaFile
        $info.Environment['CHATPS_NET_MODULE'] = Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1'
        foreach ($name in $Environment.Keys) { $info.Environment[$name] = [string]$Environment[$name] }
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($info)
        $out = $process.StandardOutput.ReadToEndAsync()
        $err = $process.StandardError.ReadToEndAsync()
        # Bounded only against a hang; the child normally ends in seconds.
        if (-not $process.WaitForExit(600000)) { $process.Kill(); throw 'The child engine did not finish within 10 minutes.' }
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) { throw "The child engine failed ($($process.ExitCode)): $($err.Result) $($out.Result)" }
        $out.Result | ConvertFrom-Json
    }
}

AfterAll {
    Disconnect-Kook
    Disconnect-Tomon
    Stop-TestEmulator $script:Emulator
    Stop-TestEmulator $script:Tls
    Stop-TestProxy $script:Proxy
    Remove-Item -LiteralPath $script:CaFile -Force -ErrorAction SilentlyContinue
}

Describe 'Through an authenticating proxy (squid, Basic)' {
    BeforeAll {
        Reset-Emulator $script:Emulator
        $script:Kook = Connect-Kook -Token $script:KookToken -BaseUri $script:KookUri -ProxyCredential (New-TestProxyCredential) @script:Through -PassThru
        $script:Tomon = Connect-Tomon -BotToken $script:BotToken -BaseUri $script:TomonUri -ProxyCredential (New-TestProxyCredential) @script:Through -PassThru
    }

    It 'connects to KOOK and signs in to Tomon with a bot token through it' {
        $script:Kook.User | Should -Match 'ChatPS Emulator Bot'
        $script:Tomon.UserName | Should -Be 'tomon#1234'
        Get-ForwardedLine "TCP_MISS/200 \d+ GET http://kook\.chatps\.test:$($script:Port)/api/v3/user/me " | Should -Not -BeNullOrEmpty
        Get-ForwardedLine "TCP_MISS/200 \d+ POST http://tomon\.chatps\.test:$($script:Port)/api/v1/auth/login " | Should -Not -BeNullOrEmpty
    }

    It 'looks up 40 users in bulk, each request through the proxy' {
        $ids = 0..39 | ForEach-Object { [string](3000000000 + $_) }
        $users = @($ids | Get-KookUser -Connection $script:Kook -ThrottleLimit 4)
        $users.Id | Should -Be $ids
        (Get-ForwardedLine "TCP_MISS/200 \d+ GET http://kook\.chatps\.test:$($script:Port)/api/v3/user/view").Count | Should -BeGreaterOrEqual 40
        # The proxy asked for Basic when the connection was made; since then the credentials go with every request.
        @(Get-TestProxyLog $script:Proxy | Where-Object { $_ -match 'TCP_DENIED/407 \d+ GET http://kook\.chatps\.test:\d+/api/v3/user/view' }) |
            Should -HaveCount 0 -Because 'a lookup is not sent twice, first without credentials'
    }

    It 'calls Invoke-TomonApi through it' {
        $guilds = @(Invoke-TomonApi -Path users/@me/guilds -Connection $script:Tomon)
        $guilds.Count | Should -BeGreaterThan 0
        Get-ForwardedLine "TCP_MISS/200 \d+ GET http://tomon\.chatps\.test:$($script:Port)/api/v1/users/@me/guilds" | Should -Not -BeNullOrEmpty
    }

    It 'files a report with a screenshot through it' {
        $report = New-TomonReport -TargetId 77334868412862464 -Reason Harassment -Comment 'through the proxy' -EvidencePath $script:Evidence -Connection $script:Tomon -Confirm:$false
        $report | Should -Not -BeNullOrEmpty
        $stored = Get-EmulatorList $script:Emulator reports | Where-Object comment -eq 'through the proxy'
        $stored.files.sha256 | Should -Be $script:EvidenceHash
        Get-ForwardedLine "TCP_MISS/200 \d+ POST http://tomon\.chatps\.test:$($script:Port)/api/v1/users/@me/reports" | Should -Not -BeNullOrEmpty
    }

    It 'reached the emulator only through the proxy, which passed no Proxy-Authorization on' {
        $requests = Get-EmulatorList $script:Emulator requests
        $requests.Count | Should -BeGreaterThan 40
        foreach ($request in $requests) {
            $request.host | Should -Match '^(kook|tomon)\.chatps\.test:\d+$'
            $request.via | Should -Match 'squid'
            $request.proxy_authorization | Should -BeFalse
        }
    }

    It 'reports a wrong proxy password as <Platform> proxy authentication refused (ChatPS.ProxyAuthenticationRequired)' -ForEach @(
        @{ Platform = 'KOOK'; Connect = { param($credential) Connect-Kook -Token $script:KookToken -BaseUri $script:KookUri -ProxyCredential $credential @script:Through } }
        @{ Platform = 'Tomon'; Connect = { param($credential) Connect-Tomon -BotToken $script:BotToken -BaseUri $script:TomonUri -ProxyCredential $credential @script:Through } }
    ) {
        $record = Get-StopRecord { & $Connect (New-TestProxyCredential -Password 'not-the-password') }
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.ProxyAuthenticationRequired,*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception | Should -BeOfType ([ChatPS.Http.ChatProxyAuthenticationException])
        $record.Exception.Message | Should -Match "the proxy http://127\.0\.0\.1:$($script:Proxy.Port)/ refused the proxy credentials"
        $record.Exception.Message | Should -Not -Match '<|squid|html'
        $record.ErrorDetails.RecommendedAction | Should -Match 'ProxyCredential'
    }

    It 'reports no proxy credential as <Platform> proxy authentication required' -ForEach @(
        @{ Platform = 'KOOK'; Connect = { Connect-Kook -Token $script:KookToken -BaseUri $script:KookUri @script:Through } }
        @{ Platform = 'Tomon'; Connect = { Connect-Tomon -BotToken $script:BotToken -BaseUri $script:TomonUri @script:Through } }
    ) {
        $record = Get-StopRecord $Connect
        $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.ProxyAuthenticationRequired,*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception.Message | Should -Match 'requires authentication and no proxy credentials were given'
        $record.Exception.Message | Should -Not -Match '<|html'
    }

    It 'reports the system''s proxy (HTTP_PROXY) asking for credentials as ChatPS.ProxyAuthenticationRequired' {
        $result = Invoke-TrustingEngine -Environment @{ HTTP_PROXY = $script:Proxy.Uri; CHATPS_NET_KOOK = $script:KookUri } -Script @'
Import-Module $env:CHATPS_NET_MODULE
try { Connect-Kook -Token (ConvertTo-SecureString kook-emulator-token -AsPlainText -Force) -BaseUri $env:CHATPS_NET_KOOK -AllowUnencryptedAuthentication } catch { $record = $_ }
[pscustomobject]@{ Id = $record.FullyQualifiedErrorId; Category = [string]$record.CategoryInfo.Category; Message = $record.Exception.Message } | ConvertTo-Json
'@
        $result.Id | Should -BeLike 'ChatPS.ProxyAuthenticationRequired,*'
        $result.Category | Should -Be 'AuthenticationError'
        $result.Message | Should -Match "the system's proxy requires authentication; connect with -Proxy and -ProxyCredential"
    }

    It 'reports the current user''s credentials refused by a Basic-only proxy as ChatPS.ProxyAuthenticationRequired' {
        # -ProxyUseDefaultCredentials answers Negotiate or NTLM; this proxy offers Basic only.
        $record = Get-StopRecord { Connect-Kook -Token $script:KookToken -BaseUri $script:KookUri -ProxyUseDefaultCredentials @script:Through }
        $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.ProxyAuthenticationRequired,*'
        $record.Exception.Message | Should -Match 'an authentication scheme it does not offer'
    }

    It 'refuses proxy credentials without a proxy, and both kinds of proxy credentials at once' {
        $record = Get-StopRecord { Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook -ProxyCredential (New-TestProxyCredential) }
        $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.InvalidArgument,*'
        $record.Exception.Message | Should -Match 'need -Proxy'
        $record = Get-StopRecord { Connect-Kook -Token $script:KookToken -BaseUri $script:KookUri -ProxyCredential (New-TestProxyCredential) -ProxyUseDefaultCredentials @script:Through }
        $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.InvalidArgument,*'
        $record.Exception.Message | Should -Match 'not both'
    }
}

Describe 'HTTPS (the emulator''s --https: a server certificate from a test CA)' {
    It 'refuses a certificate this machine does not trust: ChatPS.CertificateUntrusted, SecurityError' {
        # This engine was not told to trust the test CA.
        foreach ($connect in { Connect-Kook -Token $script:KookToken -BaseUri $script:Tls.Kook }, { Connect-Tomon -BotToken $script:BotToken -BaseUri $script:Tls.Tomon }) {
            $record = Get-StopRecord $connect
            $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.CertificateUntrusted,*'
            $record.CategoryInfo.Category | Should -Be 'SecurityError'
            $record.Exception | Should -BeOfType ([ChatPS.Http.ChatTlsException])
            $record.Exception.Message | Should -Match "the certificate 127\.0\.0\.1:$($script:TlsPort) presented is not trusted"
            $record.Exception.Message | Should -Not -Match 'AuthenticationException'
        }
        # Refused at the handshake: no request reached the server.
        Invoke-TrustingEngine -Script '@(Invoke-RestMethod "$env:CHATPS_NET_BASE/_emulator/requests" | ForEach-Object { $_ }).Count' -Environment @{ CHATPS_NET_BASE = $script:Tls.BaseUri } | Should -Be 0
    }

    It 'connects and calls directly over HTTPS when the CA is trusted' {
        $result = Invoke-TrustingEngine -Environment @{ CHATPS_NET_KOOK = $script:Tls.Kook; CHATPS_NET_TOMON = $script:Tls.Tomon; CHATPS_NET_BASE = $script:Tls.BaseUri } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $env:CHATPS_NET_MODULE
$null = Invoke-RestMethod -Method Post "$env:CHATPS_NET_BASE/_emulator/reset"
Connect-Kook -Token (ConvertTo-SecureString kook-emulator-token -AsPlainText -Force) -BaseUri $env:CHATPS_NET_KOOK
Connect-Tomon -BotToken (ConvertTo-SecureString tomon-emulator-token -AsPlainText -Force) -BaseUri $env:CHATPS_NET_TOMON
[pscustomobject]@{
    Alice    = (Get-KookUser -Id 1000000001).Username
    Guilds   = @(Get-TomonGuild).Count
    Requests = @(Invoke-RestMethod "$env:CHATPS_NET_BASE/_emulator/requests" | ForEach-Object { $_ } | Select-Object method, path, scheme, status)
} | ConvertTo-Json -Depth 4
'@
        $result.Alice | Should -Be 'alice'
        $result.Guilds | Should -BeGreaterThan 0
        $result.Requests.Count | Should -BeGreaterOrEqual 4
        foreach ($request in $result.Requests) {
            $request.scheme | Should -Be 'https'
            $request.status | Should -Be 200
        }
    }

    It 'tunnels HTTPS through the authenticating proxy (CONNECT) for KOOK and Tomon' {
        $result = Invoke-TrustingEngine -Environment @{
            CHATPS_NET_PORT = $script:TlsPort; CHATPS_NET_BASE = $script:Tls.BaseUri; CHATPS_NET_PROXY = $script:Proxy.Uri
            CHATPS_NET_PROXY_USER = $script:ProxyUser; CHATPS_NET_PROXY_PASSWORD = $script:ProxyPasswordText; CHATPS_NET_EVIDENCE = $script:Evidence
        } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $env:CHATPS_NET_MODULE
$null = Invoke-RestMethod -Method Post "$env:CHATPS_NET_BASE/_emulator/reset"
$proxy = @{
    Proxy           = $env:CHATPS_NET_PROXY
    ProxyCredential = [pscredential]::new($env:CHATPS_NET_PROXY_USER, (ConvertTo-SecureString $env:CHATPS_NET_PROXY_PASSWORD -AsPlainText -Force))
}
Connect-Kook -Token (ConvertTo-SecureString kook-emulator-token -AsPlainText -Force) -BaseUri "https://kook.chatps.test:$env:CHATPS_NET_PORT/api/v3" @proxy
Connect-Tomon -BotToken (ConvertTo-SecureString tomon-emulator-token -AsPlainText -Force) -BaseUri "https://tomon.chatps.test:$env:CHATPS_NET_PORT/api/v1" @proxy
$ids = 0..9 | ForEach-Object { [string](3000000000 + $_) }
$users = @($ids | Get-KookUser)
$report = New-TomonReport -TargetId 77334868412862464 -Reason Spam -Comment 'tunnelled' -EvidencePath $env:CHATPS_NET_EVIDENCE -Confirm:$false
[pscustomobject]@{
    Users    = @($users.Id)
    Guilds   = @(Invoke-TomonApi -Path users/@me/guilds).Count
    Report   = [bool]$report
    Files    = @(Invoke-RestMethod "$env:CHATPS_NET_BASE/_emulator/reports" | ForEach-Object { $_ } | Where-Object comment -eq 'tunnelled' | ForEach-Object { $_.files.sha256 })
    Requests = @(Invoke-RestMethod "$env:CHATPS_NET_BASE/_emulator/requests" | ForEach-Object { $_ } | Select-Object method, path, scheme, host, via, proxy_authorization, status)
} | ConvertTo-Json -Depth 4
'@
        $result.Users | Should -Be (0..9 | ForEach-Object { [string](3000000000 + $_) })
        $result.Guilds | Should -BeGreaterThan 0
        $result.Files | Should -Be $script:EvidenceHash
        $result.Requests.Count | Should -BeGreaterOrEqual 14
        foreach ($request in $result.Requests) {
            $request.scheme | Should -Be 'https'
            $request.host | Should -Match '^(kook|tomon)\.chatps\.test:\d+$'
            $request.proxy_authorization | Should -BeFalse
            # A tunnel carries TLS the proxy cannot read: it adds no Via.
            $request.via | Should -BeNullOrEmpty
        }
        Get-ForwardedLine "TCP_TUNNEL/200 \d+ CONNECT kook\.chatps\.test:$($script:TlsPort) " | Should -Not -BeNullOrEmpty
        Get-ForwardedLine "TCP_TUNNEL/200 \d+ CONNECT tomon\.chatps\.test:$($script:TlsPort) " | Should -Not -BeNullOrEmpty
    }

    It 'refuses an untrusted certificate at the end of a tunnel through the proxy as ChatPS.CertificateUntrusted' {
        # This engine does not trust the test CA: the tunnel is made, the handshake inside it fails.
        $record = Get-StopRecord { Connect-Tomon -BotToken $script:BotToken -BaseUri "https://tomon.chatps.test:$($script:TlsPort)/api/v1" -Proxy $script:Proxy.Uri -ProxyCredential (New-TestProxyCredential) }
        $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.CertificateUntrusted,*'
        $record.CategoryInfo.Category | Should -Be 'SecurityError'
        $record.Exception.Message | Should -Match "the certificate tomon\.chatps\.test:$($script:TlsPort) presented is not trusted"
        $record.ErrorDetails.RecommendedAction | Should -Match 'Trust the CA'
    }

    It 'reports a refused CONNECT (wrong proxy password) as ChatPS.ProxyAuthenticationRequired' {
        $record = Get-StopRecord { Connect-Kook -Token $script:KookToken -BaseUri "https://kook.chatps.test:$($script:TlsPort)/api/v3" -Proxy $script:Proxy.Uri -ProxyCredential (New-TestProxyCredential -Password 'wrong') }
        $record.FullyQualifiedErrorId | Should -BeLike 'ChatPS.ProxyAuthenticationRequired,*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception.Message | Should -Match 'refused the proxy credentials'
        @(Get-TestProxyLog $script:Proxy | Where-Object { $_ -match "TCP_DENIED/407 \d+ CONNECT kook\.chatps\.test:$($script:TlsPort) " }) | Should -Not -BeNullOrEmpty
    }
}

Describe 'The proxy''s logs, after every request above (good, refused and tunnelled)' {
    It 'left no token and no password in the proxy''s logs' {
        $logs = (Get-Content -LiteralPath $script:Proxy.AccessLog, $script:Proxy.CacheLog -Raw) -join "`n"
        $logs | Should -Not -BeNullOrEmpty
        foreach ($secret in $script:Secrets) { $logs.Contains($secret) | Should -BeFalse -Because "the proxy's logs must not hold '$secret'" }
    }
}

Describe 'Request bodies carry a Content-Length (the emulator refuses chunked bodies)' {
    It 'answers a chunked request body with 411 Length Required' {
        $client = [System.Net.Http.HttpClient]::new()
        try {
            $message = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($script:Emulator.Kook)/user/online")
            $message.Headers.TryAddWithoutValidation('Authorization', "Bot $script:KookTokenText") | Out-Null
            $message.Headers.TransferEncodingChunked = $true
            $message.Content = [System.Net.Http.StringContent]::new('{}', [Text.Encoding]::UTF8, 'application/json')
            $response = $client.SendAsync($message).GetAwaiter().GetResult()
            [int]$response.StatusCode | Should -Be 411
        }
        finally { $client.Dispose() }
        (Get-EmulatorRequest $script:Emulator '/user/online' | Select-Object -Last 1).chunked | Should -BeTrue
    }

    It 'sends every body-carrying cmdlet''s body with a length' {
        Reset-Emulator $script:Emulator
        $password = ConvertTo-TestSecret $script:TomonPasswordText
        Connect-Kook -Token $script:KookToken -BaseUri $script:Emulator.Kook
        Connect-Tomon -Credential ([pscredential]::new('tomon#1234', $password)) -BaseUri $script:Emulator.Tomon
        Connect-Tomon -BotToken $script:BotToken -BaseUri $script:Emulator.Tomon
        $sent = [ordered]@{
            'Connect-Tomon -BotToken / -Credential'  = @('POST', '/api/v1/auth/login')
            'Set-TomonGuildSetting'                  = @('PATCH', '/api/v1/users/@me/guilds/@me/settings')
            'Set-TomonGuildOrder'                    = @('PATCH', '/api/v1/users/@me/guilds')
            'New-TomonDirectChannel'                 = @('POST', '/api/v1/users/@me/channels')
            'New-TomonReport'                        = @('POST', '/api/v1/users/@me/reports')
            'Set-TomonUser'                          = @('PATCH', '/api/v1/users/@me')
            'Invoke-KookApi -Body'                   = @('POST', '/api/v3/user/offline')
        }
        $null = Set-TomonGuildSetting -Setting @{ muted = $true } -Confirm:$false
        Get-TomonGuild | Sort-Object Name | Set-TomonGuildOrder -Confirm:$false
        $null = New-TomonDirectChannel -RecipientId 77334868412862464 -Confirm:$false
        $null = New-TomonReport -TargetId 77334868412862464 -Reason Spam -Comment 'json' -Confirm:$false
        $null = New-TomonReport -TargetId 77334868412862464 -Reason Spam -Comment 'multipart' -EvidencePath $script:Evidence -Confirm:$false
        $null = Set-TomonUser -Discriminator 1234 -CurrentPassword $password -Confirm:$false
        $null = Invoke-KookApi -Path user/offline -Method POST -Body @{ reason = 'length' } -Confirm:$false
        $null = Invoke-TomonApi -Path users/@me/channels -Method POST -Body @{ recipients = @('131786267142000000') } -Confirm:$false

        $requests = Get-EmulatorList $script:Emulator requests
        foreach ($name in $sent.Keys) {
            $method, $path = $sent[$name]
            $matching = @($requests | Where-Object { $_.method -eq $method -and $_.path -eq $path })
            $matching | Should -Not -BeNullOrEmpty -Because "$name sends $method $path"
            foreach ($request in $matching) {
                $request.chunked | Should -BeFalse -Because "$name must send a Content-Length"
                $request.body_length | Should -BeGreaterThan 0 -Because "$name sends a body"
                $request.status | Should -BeLessThan 300 -Because "$name must be accepted"
            }
        }
        @($requests | Where-Object { $_.path -eq '/api/v1/users/@me/reports' -and $_.content_type -like 'multipart/form-data*' }) | Should -HaveCount 1
        @($requests | Where-Object { $_.path -eq '/api/v1/auth/login' }) | Should -HaveCount 2
        @($requests | Where-Object { $_.path -eq '/api/v1/users/@me/channels' }) | Should -HaveCount 2
        # And nothing at all went chunked.
        @($requests | Where-Object chunked) | Should -HaveCount 0
        @($requests | Where-Object status -eq 411) | Should -HaveCount 0
    }
}
