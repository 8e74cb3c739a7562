# Issue 21's hostile replies for the Pester fuzz (Hostile.Tests.ps1): every cmdlet that calls a service, each case as an
# emulator fault rule, and the rule a call must keep: an object that PowerShell can show and convert, or an error record
# with a ChatPS. id, a category, and no raw .NET exception or stack trace. Dot-source after TestEmulator.ps1.
# CHATPS_FUZZ_SEED picks the seed (default 20261204); CHATPS_FUZZ_CASES the number of seeded mutations (default 12);
# CHATPS_FUZZ_LONG=1 runs 200 of them.

$script:FuzzSeed = if ($env:CHATPS_FUZZ_SEED) { [int] $env:CHATPS_FUZZ_SEED } else { 20261204 }
$script:FuzzMutations = if ($env:CHATPS_FUZZ_CASES) { [int] $env:CHATPS_FUZZ_CASES } elseif ($env:CHATPS_FUZZ_LONG -eq '1') { 200 } else { 12 }

# The cmdlets a heavy case (megabytes to read and show) meets in the default run: one per reader kind (an envelope, a
# profile, a list, a sign-in, a raw call) on each platform. CHATPS_FUZZ_LONG=1 gives every heavy case to every cmdlet.
$script:HeavySample = 'Get-KookUser', 'Get-KookBotOnlineStatus', 'Invoke-KookApi', 'Connect-Tomon -BotToken', 'Get-TomonUser', 'Get-TomonGuild', 'Invoke-TomonApi'

# Every cmdlet that sends a request, with the arguments that make it send one. Each script runs in the fuzz's own
# runspace (Invoke-HostileCall) with $k and $t, the case's connections, and $v, the values below.
function Get-HostileValue {
    $evidence = Join-Path ([IO.Path]::GetTempPath()) "chatps-hostile-$PID.png"
    $bytes = [byte[]]::new(64)
    ([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)).CopyTo($bytes, 0)
    [IO.File]::WriteAllBytes($evidence, $bytes)
    @{
        Kook = ConvertTo-TestSecret $script:KookTokenText
        Bot = ConvertTo-TestSecret $script:TomonBotTokenText
        Session = ConvertTo-TestSecret $script:TomonSessionText
        Password = ConvertTo-TestSecret $script:TomonPasswordText
        Credential = [pscredential]::new('tomon#1234', (ConvertTo-TestSecret $script:TomonPasswordText))
        KookUri = $script:Emulator.Kook
        TomonUri = $script:Emulator.Tomon
        Evidence = $evidence
    }
}

function Get-HostileCommand {
    @(
        # Connecting, then using the connection: PowerShell reads its text while binding -Connection.
        @{ Name = 'Connect-Kook'; Kook = $true; Script = '$c = Connect-Kook -Token $v.Kook -BaseUri $v.KookUri -PassThru -MaximumRetryCount 1 -RetryIntervalSec 0; $c; if ($c) { Get-KookBotOnlineStatus -Connection $c }' }
        @{ Name = 'Get-KookUser'; Kook = $true; Script = 'Get-KookUser -Connection $k' }
        @{ Name = 'Get-KookUser -Id -GuildId'; Kook = $true; Script = 'Get-KookUser -Id 1000000001 -GuildId 9000000000000001 -Connection $k' }
        @{ Name = 'Get-KookBotOnlineStatus'; Kook = $true; Script = 'Get-KookBotOnlineStatus -Connection $k' }
        @{ Name = 'Set-KookBotOnline'; Kook = $true; Script = 'Set-KookBotOnline -Connection $k -Confirm:$false' }
        @{ Name = 'Set-KookBotOffline'; Kook = $true; Script = 'Set-KookBotOffline -Connection $k -Confirm:$false' }
        @{ Name = 'Invoke-KookApi'; Kook = $true; Script = 'Invoke-KookApi user/me -Connection $k' }
        @{ Name = 'Connect-Tomon -BotToken'; Kook = $false; Script = '$c = Connect-Tomon -BotToken $v.Bot -BaseUri $v.TomonUri -PassThru -MaximumRetryCount 1 -RetryIntervalSec 0; $c; if ($c) { Get-TomonStampPack -Connection $c }' }
        @{ Name = 'Connect-Tomon -Credential'; Kook = $false; Script = 'Connect-Tomon -Credential $v.Credential -BaseUri $v.TomonUri -PassThru -MaximumRetryCount 1 -RetryIntervalSec 0' }
        @{ Name = 'Connect-Tomon -Token'; Kook = $false; Script = 'Connect-Tomon -Token $v.Session -BaseUri $v.TomonUri -PassThru -MaximumRetryCount 1 -RetryIntervalSec 0' }
        @{ Name = 'Get-TomonUser'; Kook = $false; Script = 'Get-TomonUser -Connection $t' }
        @{ Name = 'Set-TomonUser'; Kook = $false; Script = 'Set-TomonUser -Name fuzz -CurrentPassword $v.Password -PassThru -Connection $t -Confirm:$false' }
        @{ Name = 'Get-TomonGuild'; Kook = $false; Script = 'Get-TomonGuild -Connection $t' }
        @{ Name = 'Set-TomonGuildOrder'; Kook = $false; Script = 'Set-TomonGuildOrder -Position @{ ''77601467623542784'' = 0 } -PassThru -Connection $t -Confirm:$false' }
        @{ Name = 'Exit-TomonGuild'; Kook = $false; Script = 'Exit-TomonGuild -Id 77601467623542784 -Connection $t -Confirm:$false' }
        @{ Name = 'Set-TomonGuildSetting'; Kook = $false; Script = 'Set-TomonGuildSetting -GuildId 77601467623542784 -Muted -PassThru -Connection $t -Confirm:$false' }
        @{ Name = 'Get-TomonDirectChannel'; Kook = $false; Script = 'Get-TomonDirectChannel -Connection $t' }
        @{ Name = 'New-TomonDirectChannel'; Kook = $false; Script = 'New-TomonDirectChannel -RecipientId 77334868412862464 -Connection $t -Confirm:$false' }
        @{ Name = 'Get-TomonInvite'; Kook = $false; Script = 'Get-TomonInvite -Connection $t' }
        @{ Name = 'New-TomonInvite'; Kook = $false; Script = 'New-TomonInvite -Connection $t -Confirm:$false' }
        @{ Name = 'Get-TomonStampPack'; Kook = $false; Script = 'Get-TomonStampPack -Connection $t' }
        @{ Name = 'Add-TomonStampPack'; Kook = $false; Script = 'Add-TomonStampPack -Id 140000000000000001 -Connection $t -Confirm:$false' }
        @{ Name = 'Remove-TomonStampPack'; Kook = $false; Script = 'Remove-TomonStampPack -Id 140000000000000001 -Connection $t -Confirm:$false' }
        @{ Name = 'New-TomonReport'; Kook = $false; Script = 'New-TomonReport -TargetId 77334868412862464 -Reason Spam -Comment fuzz -EvidencePath $v.Evidence -Connection $t -Confirm:$false' }
        @{ Name = 'Invoke-TomonApi'; Kook = $false; Script = 'Invoke-TomonApi users/@me -Connection $t' }
    )
}

# The runspace the calls run in: a call that hangs is stopped there after CHATPS_FUZZ_HANG_SECONDS (default 120, far
# beyond any answer; only a hang reaches it) and reported, instead of holding the whole run.
function New-HostileRunspace {
    $state = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    $state.ImportPSModule((Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1'))
    $runspace = [runspacefactory]::CreateRunspace($state)
    $runspace.Open()
    $runspace
}

# A Reply rule with a body as written; $Data wraps a payload in KOOK's envelope where the case is about the payload.
function New-ReplyCase {
    param([string] $Name, [scriptblock] $Body, [int] $Status = 200, [hashtable] $Headers, [string] $ContentType, [switch] $Slow, [switch] $Heavy)
    @{ Name = $Name; Kind = 'Reply'; Body = $Body; Status = $Status; Headers = $Headers; ContentType = $ContentType; Slow = [bool] $Slow; Heavy = [bool] $Heavy }
}

function Get-HostileCase {
    $ten = 'x' * (10 * 1024 * 1024)
    $million = (@('0') * 1000000) -join ','
    $cases = @(
        New-ReplyCase 'empty body' { param($kook) '' }
        New-ReplyCase 'JSON null' { param($kook) 'null' }
        New-ReplyCase 'an array where an object is expected' { param($kook) '[1,2,3]' }
        New-ReplyCase 'data an array' { param($kook) if ($kook) { '{"code":0,"message":"","data":[{"id":"1"}]}' } else { '[{"id":"1"}]' } }
        New-ReplyCase 'data null' { param($kook) if ($kook) { '{"code":0,"message":"","data":null}' } else { '{"id":null,"username":null}' } }
        New-ReplyCase 'HTML on 200' { param($kook) '<html><body>Sign in to the Wi-Fi</body></html>' } -ContentType 'text/html'
        New-ReplyCase 'truncated JSON' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","user' } else { '{"id":"1","user' } }
        New-ReplyCase 'a byte order mark' { param($kook) [char]0xFEFF + $(if ($kook) { '{"code":0,"message":"","data":{"id":"1","username":"bom","online":true}}' } else { '{"id":"1","username":"bom"}' }) }
        @{ Name = 'invalid UTF-8'; Kind = 'Reply'; Base64 = { param($kook) [Convert]::ToBase64String([byte[]](0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D)) }; Status = 200 }
        New-ReplyCase 'deep nesting' { param($kook) ('[' * 100000) + (']' * 100000) } -Heavy
        New-ReplyCase 'a 10 MB string' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","username":"' + $ten + '"}}' } else { '{"id":"1","username":"' + $ten + '"}' } }.GetNewClosure() -Heavy
        New-ReplyCase 'a 1,000,000-element array' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","roles":[' + $million + '],"nameplate":[' + $million + ']}}' } else { '{"id":"1","guilds":[' + $million + ']}' } }.GetNewClosure() -Heavy
        New-ReplyCase 'an empty key' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","online":true,"online_os":[],"":1}}' } else { '{"id":"1","username":"u","":1}' } }
        New-ReplyCase 'an empty key in a list' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"":{"":[{"":1}]}}}' } else { '[{"id":"1","":{"":2}}]' } }
        New-ReplyCase 'keys differing by case' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","x":1,"X":2,"Id":"3"}}' } else { '{"id":"1","x":1,"X":2,"ID":"3"}' } }
        New-ReplyCase 'numbers out of range' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":1e400,"status":99999999999999999999,"joined_at":1e400}}' } else { '{"id":1e400,"type":99999999999999999999}' } }
        New-ReplyCase 'epoch microseconds' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","username":"u","joined_at":1588430520000000,"active_time":1e20}}' } else { '{"id":"1","username":"u","created_at":1588430520000000}' } }
        New-ReplyCase 'odd dates' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","username":"u","joined_at":"soon"}}' } else { '{"id":"1","username":"u","created_at":"2020-13-45T99:99:99Z","updated_at":1588430520}' } }
        New-ReplyCase 'a boolean as a string' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","online":"true","bot":"yes"}}' } else { '{"id":"1","email_verified":"true","banned":1}' } }
        New-ReplyCase 'an id as a number' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":1000000001,"username":"u"}}' } else { '{"id":132700396123668480,"username":"u","discriminator":"1234","token":"session-jwt-0123456789"}' } }
        New-ReplyCase 'a lone surrogate' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","username":"\ud800","\udc00":1}}' } else { '{"id":"1","username":"\ud800","\udc00":1,"token":"t-0123456789"}' } }
        New-ReplyCase 'a 10 MB error message' { param($kook) if ($kook) { '{"code":40000,"message":"' + $ten + '","data":{}}' } else { '{"message":"' + $ten + '"}' } }.GetNewClosure() -Status 400 -Heavy
        New-ReplyCase 'an error message of the wrong type' { param($kook) '{"code":{},"message":[1]}' } -Status 500
        New-ReplyCase 'a 3xx without a location' { param($kook) '{}' } -Status 302
        New-ReplyCase 'X-Rate-Limit-Reset 86000 on the last request' { param($kook) if ($kook) { '{"code":0,"message":"","data":{"id":"1","username":"u","online":true}}' } else { '{"id":"1","username":"u"}' } } -Headers @{ 'X-Rate-Limit-Limit' = '1'; 'X-Rate-Limit-Remaining' = '0'; 'X-Rate-Limit-Reset' = '86000' }
        New-ReplyCase 'a 429 with X-Rate-Limit-Reset 86000' { param($kook) '{"code":429,"message":"slow down","data":{}}' } -Status 429 -Headers @{ 'X-Rate-Limit-Limit' = '1'; 'X-Rate-Limit-Remaining' = '0'; 'X-Rate-Limit-Reset' = '86000' }
        New-ReplyCase 'absurd X-Rate-Limit-Reset values' { param($kook) '{"code":0,"message":"","data":{}}' } -Headers @{ 'X-Rate-Limit-Global' = 'yes please'; 'X-Rate-Limit-Reset' = '1e20'; 'X-Rate-Limit-Remaining' = '-1'; 'X-Rate-Limit-Limit' = 'NaN' }
        New-ReplyCase 'Retry-After in the year 9999' { param($kook) '{"code":429,"message":"x","data":{}}' } -Status 429 -Headers @{ 'Retry-After' = 'Fri, 31 Dec 9999 23:59:59 GMT' }
        New-ReplyCase 'gzip announced, not gzip' { param($kook) '{"code":0,"message":"","data":{"id":"1"}}' } -Headers @{ 'Content-Encoding' = 'gzip' }
        New-ReplyCase 'a redirect to file:///' { param($kook) '' } -Status 307 -Headers @{ Location = 'file:///etc/passwd' }
        @{ Name = 'a redirect loop'; Kind = 'Redirect'; Location = 'SELF'; Count = 20 }
        @{ Name = 'an off-origin redirect'; Kind = 'Redirect'; Location = 'OTHER' }
        @{ Name = 'a gzip bomb (1 GiB)'; Kind = 'GzipBomb'; Size = 1GB; Heavy = $true }
        @{ Name = 'a body trickling a byte a second'; Kind = 'Trickle'; Seconds = 1; Slow = $true; Body = { param($kook) '{"code":0,"message":"","data":{"id":"1","username":"' + ('t' * 200) + '"}}' } }
    )
    $cases + @(Get-HostileMutation)
}

# Seeded mutations of a valid reply: a field of each model given a value of the wrong type, from CHATPS_FUZZ_SEED.
function Get-HostileMutation {
    $random = [Random]::new($script:FuzzSeed)
    $values = 'null', 'true', '"true"', '""', '0', '-1', '1.5', '1e400', '99999999999999999999', '1588430520', '1588430520000000',
        '"2020-13-45T99:99:99Z"', '"\ud800"', '[]', '[1,"a",null]', '{}', '{"":1}'
    $kookFields = 'id', 'username', 'identify_num', 'online', 'status', 'bot', 'roles', 'joined_at', 'active_time', 'tag_info', 'online_os', 'invited_count', 'bot_status'
    $tomonFields = 'id', 'username', 'discriminator', 'name', 'type', 'email_verified', 'banned', 'created_at', 'updated_at', 'position', 'owner_id', 'joined_at', 'recipients', 'add_at', 'uses', 'max_uses', 'state', 'muted', 'channel_overrides', 'token'
    for ($i = 0; $i -lt $script:FuzzMutations; $i++) {
        $pairs = foreach ($n in 1..(1 + $random.Next(3))) {
            $field = if ($i % 2) { $tomonFields[$random.Next($tomonFields.Count)] } else { $kookFields[$random.Next($kookFields.Count)] }
            '"{0}":{1}' -f $field, $values[$random.Next($values.Count)]
        }
        $payload = '{' + ((@('"id":"1"', '"username":"fuzz"') + $pairs) -join ',') + '}'
        $kookBody = '{"code":0,"message":"","data":' + $payload + '}'
        $tomonBody = if ($random.Next(3) -eq 0) { '[' + $payload + ']' } else { $payload }
        New-ReplyCase "seed $script:FuzzSeed #${i}: $($pairs -join ', ')" { param($kook) if ($kook) { $kookBody } else { $tomonBody } }.GetNewClosure()
    }
}

# Injects a case for the next request of one platform.
function Add-HostileFault {
    param($Case, [bool] $Kook)
    $path = if ($Kook) { '/api/v3/**' } else { '/api/v1/**' }
    $rule = @{ Emulator = $script:Emulator; Path = $path; Kind = $Case.Kind; Count = if ($Case.Count) { $Case.Count } else { 1 } }
    switch ($Case.Kind) {
        'Reply' {
            $rule.Status = $Case.Status
            if ($Case.Base64) { $rule.BodyBase64 = & $Case.Base64 $Kook } else { $rule.Body = & $Case.Body $Kook }
            if ($Case.Headers) { $rule.Headers = $Case.Headers }
            if ($Case.ContentType) { $rule.ContentType = $Case.ContentType }
        }
        'Redirect' {
            # A loop: any request goes to .../loop, which redirects to itself. Off-origin: the same emulator under another
            # host name (localhost for 127.0.0.1), a different origin, so the token must not go along.
            $loop = $path.Replace('**', 'loop')
            $rule.Location = if ($Case.Location -eq 'SELF') { $loop } else { $script:Emulator.BaseUri.Replace('127.0.0.1', 'localhost') + $path.Replace('**', 'elsewhere') }
            if ($Case.Location -eq 'SELF') {
                $body = @{ method = '*'; path = $loop; kind = 'Redirect'; count = 50; location = $loop } | ConvertTo-Json
                $null = Invoke-RestMethod -Method Post -Uri "$($script:Emulator.BaseUri)/_emulator/faults" -ContentType 'application/json' -Body $body
                $rule.Count = 1
            }
        }
        'GzipBomb' { $rule.Size = $Case.Size }
        'Trickle' { $rule.Body = & $Case.Body $Kook; $rule.Seconds = $Case.Seconds }
    }
    $location = $rule.Location
    $rule.Remove('Location')
    if ($location) {
        # Add-EmulatorFault has no -Location: the rule is posted as it is.
        $body = @{ method = '*'; path = $rule.Path; kind = 'Redirect'; count = $rule.Count; location = $location } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Post -Uri "$($script:Emulator.BaseUri)/_emulator/faults" -ContentType 'application/json' -Body $body
        return
    }
    Add-EmulatorFault @rule
}

# One call: 'Object' (every object shows and converts), 'ChatPS <id>' (every error a good ChatPS record), or a problem.
function Invoke-HostileCall {
    param($Command, $Kook, $Tomon, $Values, $Runspace)
    $bound = if ($env:CHATPS_FUZZ_HANG_SECONDS) { [int] $env:CHATPS_FUZZ_HANG_SECONDS } else { 120 }
    $ps = [powershell]::Create()
    $ps.Runspace = $Runspace
    $null = $ps.AddScript('param($k, $t, $v) try { & { ' + $Command.Script + ' } 2>&1 } catch { $_ }').AddArgument($Kook).AddArgument($Tomon).AddArgument($Values)
    try {
        $async = $ps.BeginInvoke()
        if (-not $async.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($bound))) {
            $ps.Stop()
            return [pscustomobject]@{ Outcome = 'Problem'; Detail = "a hang: no outcome within $bound s" }
        }
        $items = @($ps.EndInvoke($async))
    }
    catch {
        return [pscustomobject]@{ Outcome = 'Problem'; Detail = "the engine failed: $($_.Exception.GetType().FullName): $($_.Exception.Message)" }
    }
    finally {
        $ps.Dispose()
    }
    $problems = [Collections.Generic.List[string]]::new()
    $ids = [Collections.Generic.List[string]]::new()
    foreach ($item in $items) {
        if ($item -is [System.Management.Automation.ErrorRecord]) {
            $id = $item.FullyQualifiedErrorId
            $type = $item.Exception.GetType().FullName
            $message = $item.Exception.Message
            if ($id -notlike 'ChatPS.*' -or $id -like 'ChatPS.UnexpectedError*' -or $id -like 'ChatPS.InvalidArgument*') { $problems.Add("error $id ($type): $($message.Substring(0, [Math]::Min(200, $message.Length)))") }
            elseif ($type -notlike 'ChatPS.*') { $problems.Add("error $id carries a raw $type") }
            elseif ($item.CategoryInfo.Category -eq 'NotSpecified') { $problems.Add("error $id has no category") }
            elseif ($message -match '\n\s+at \S') { $problems.Add("error $id carries a stack trace") }
            elseif ($message.Length -gt 3000) { $problems.Add("error $id has a $($message.Length)-character message") }
            else { $ids.Add(($id -split ',')[0]) }
        }
        else {
            try {
                # What a person does with an object: the default view, every property (Format-List * and Select-Object *,
                # through the adapter, without rendering megabytes of text as wrapped lines), JSON.
                $null = $item | Out-String -Width 120
                $null = $item | Format-List * | Out-Null
                $null = $item | Select-Object * | Out-Null
                $null = @($item.psobject.Properties).Count
                $null = $item | ConvertTo-Json -Depth 3 -Compress -WarningAction SilentlyContinue
            }
            catch {
                $problems.Add("an unusable object ($($item.GetType().FullName)): $($_.Exception.GetType().FullName): $($_.Exception.Message)")
            }
        }
    }
    if ($problems.Count) { return [pscustomobject]@{ Outcome = 'Problem'; Detail = $problems -join '; ' } }
    if ($ids.Count) { return [pscustomobject]@{ Outcome = 'ChatPS'; Detail = ($ids | Select-Object -Unique) -join ' ' } }
    [pscustomobject]@{ Outcome = 'Object'; Detail = '' }
}
