<#
.SYNOPSIS
    Measures ChatPS where PowerShell users feel it: a piped item, and a fresh process's first call.

.DESCRIPTION
    Starts the ChatPS emulator (a separate process on a free loopback port, rate limits lifted), imports the
    built module (out/ChatPS) into this pwsh process and measures, interleaved, in one run:

      - the per-item cost of `$ids | Get-KookUser` at -ThrottleLimit 1 and 4;
      - an Invoke-RestMethod loop over the same ids;
      - the core call (KookClient.Users.GetAsync) from this process, sequential and with 4 in flight;
      - a compiled cmdlet with Get-KookUser's parameters that does no work (the pipeline's floor);
      - fresh pwsh processes: Import-Module + Connect-Kook + first Get-KookBotOnlineStatus, beside a fresh
        process's first Invoke-RestMethod to the same endpoint (medians, interleaved), each kind with a pwsh cache
        directory of its own: once with no JIT startup profile, once replaying its own previous run's.

    Child processes run the same pwsh as the script, so the engine measured is the one that runs it. An installed
    PowerShell is ReadyToRun-compiled; an engine built from the sources may not be, and then spends most of a fresh
    process compiling itself. New-ReadyToRunEngine.ps1 makes a precompiled copy of an engine to measure with.

    Prints a markdown table (paste it into docs/benchmarks.md) and, last, a machine-readable RESULT line.
    The module and emulator are built (dotnet build -c Release) when out/ChatPS is missing or holds a Debug build
    (dotnet test lays one out there), or when the Release emulator is missing.

.PARAMETER Quick
    Smaller batches, fewer rounds and 7 fresh processes of each kind: about a minute instead of several.

.PARAMETER Build
    Runs `dotnet build -c Release` first even when the Release module is already laid out in out/ChatPS.

.PARAMETER Markdown
    Also writes the report (table and RESULT line) to this file.

.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File bench/pwsh/Measure-ChatPS.ps1 -Quick
#>
[CmdletBinding()]
param(
    [switch] $Quick,
    [switch] $Build,
    [string] $Markdown
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$modulePath = Join-Path $root 'out/ChatPS/ChatPS.psd1'
$emulatorDll = Join-Path $root 'tools/ChatPS.Emulator/bin/Release/net10.0/ChatPS.Emulator.dll'
$token = 'kook-emulator-token' # the emulator's default bot token
# Fresh processes run this engine as it runs: the .NET tool is the dotnet host plus $PSHOME/pwsh.dll, an installed
# pwsh is its own executable.
. (Join-Path $root 'tools/pwsh/EngineCommand.ps1')
$engine = Get-EngineCommand

# Sizes. A batch is timed as a whole and divided by its length; medians are over rounds.
if ($Quick) {
    $batch = 100; $rounds = 11; $freshRuns = 7; $warmupMin = 5; $warmupCap = [TimeSpan]::FromSeconds(30)
} else {
    $batch = 200; $rounds = 41; $freshRuns = 15; $warmupMin = 10; $warmupCap = [TimeSpan]::FromSeconds(90)
}
$stableFor = [TimeSpan]::FromSeconds(2)

# Debug and Release builds both assemble out/ChatPS; whichever ran last is there (`dotnet test` builds Debug).
# Only the Release build is measured: the module's ChatPS.dll must be the Release one, byte for byte.
function Test-ReleaseModule {
    $built = Join-Path $root 'src/ChatPS/bin/Release/netstandard2.0/ChatPS.dll'
    $laidOut = Join-Path $root 'out/ChatPS/ChatPS.dll'
    (Test-Path $built) -and (Test-Path $laidOut) -and
        [System.Linq.Enumerable]::SequenceEqual([IO.File]::ReadAllBytes($built), [IO.File]::ReadAllBytes($laidOut))
}
if ($Build -or -not (Test-Path $modulePath) -or -not (Test-Path $emulatorDll) -or -not (Test-ReleaseModule)) {
    Write-Host "Building ChatPS (Release)..."
    & dotnet build -c Release (Join-Path $root 'ChatPS.sln') -nologo -v q | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet build failed ($LASTEXITCODE)." }
    if (-not (Test-ReleaseModule)) { throw 'out/ChatPS does not hold the Release build after building it.' }
}

function Get-Median([double[]] $values) {
    $sorted = [double[]]($values | Sort-Object)
    $n = $sorted.Length
    if ($n -eq 0) { return [double]::NaN }
    if ($n % 2) { return $sorted[($n - 1) / 2] }
    return ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2
}

function Start-Emulator {
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($emulatorDll, '--port', '0', '--rate-limit', '*=0/1', '--rate-limit', 'user/view=0/1',
            '--synthetic-users', '10000', '--request-log', '1000')) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    $kookBase = $null
    while (-not $kookBase) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)) -or $null -eq $read.Result) {
            if (-not $process.HasExited) { $process.Kill() }
            throw 'The emulator did not report its address within 60 s.'
        }
        if ($read.Result -match 'KOOK\s+base URI:\s+(\S+)') { $kookBase = $Matches[1].TrimEnd('/') }
    }
    [pscustomobject]@{ Process = $process; KookBase = $kookBase }
}

# Child scripts for the fresh-process measurements. Both start their clock at their first statement, after
# pwsh itself has started, and stop it when the first answer is in; the token comes from the environment
# (CHATPS_KOOK_TOKEN), as in a scheduled task.
$freshDir = Join-Path ([IO.Path]::GetTempPath()) ("chatps-bench-" + [Guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $freshDir
$freshChatPs = Join-Path $freshDir 'chatps.ps1'
$freshIrm = Join-Path $freshDir 'irm.ps1'
Set-Content -Path $freshChatPs -Value @'
param($Module, $Base)
$ErrorActionPreference = 'Stop'
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $Module
$imported = $watch.Elapsed.TotalMilliseconds
Connect-Kook -BaseUri $Base
$connected = $watch.Elapsed.TotalMilliseconds
$status = Get-KookBotOnlineStatus
$done = $watch.Elapsed.TotalMilliseconds
if ($null -eq $status) { throw 'no answer' }
'{0} {1} {2}' -f $imported, $connected, $done
'@
Set-Content -Path $freshIrm -Value @'
param($Module, $Base)
$ErrorActionPreference = 'Stop'
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$status = Invoke-RestMethod -Uri ($Base + '/user/get-online-status') -Headers @{ Authorization = 'Bot ' + $env:CHATPS_KOOK_TOKEN }
$done = $watch.Elapsed.TotalMilliseconds
if ($status.code -ne 0) { throw 'no answer' }
'{0}' -f $done
'@

# PowerShell keeps one JIT startup profile per user (StartupProfileData-NonInteractive, in its cache directory), and every
# non-interactive pwsh replays the one the previous such process left. Run back to back from one account, the two kinds
# of process would each replay the other's, and the medians would mix the two cases at random. So each kind gets a cache
# directory of its own, and is measured twice: with no profile (deleted before every process: a task's first run, or a
# task whose account runs other pwsh work in between) and with its own (a task that is its account's only pwsh work,
# replaying its own previous run).
function Invoke-Fresh([string] $script, [string] $base, [string] $cacheHome, [bool] $withProfile) {
    if (-not $withProfile) { Get-ChildItem -Path $cacheHome -Recurse -File -Filter 'StartupProfileData-*' | Remove-Item -Force }
    $saved = $env:XDG_CACHE_HOME, $env:LOCALAPPDATA # pwsh's cache directory on Unix and on Windows
    $env:XDG_CACHE_HOME = $cacheHome
    $env:LOCALAPPDATA = $cacheHome
    try {
        $out = & $engine.FilePath @($engine.Prefix) -NoProfile -NonInteractive -File $script -Module $modulePath -Base $base
    } finally {
        $env:XDG_CACHE_HOME, $env:LOCALAPPDATA = $saved
    }
    if ($LASTEXITCODE -ne 0) { throw "fresh process $script failed: $out" }
    [double[]](("$out".Trim()) -split ' ' | ForEach-Object { [double]::Parse($_, [Globalization.CultureInfo]::InvariantCulture) })
}

# Where pwsh keeps its caches under a cache home, and this user's own: the scratch homes get a copy of the user's module
# analysis cache, so that Invoke-RestMethod's auto-load finds its module as it does on a machine where pwsh has run before.
# (A short-lived pwsh does not write that cache itself; without the copy every fresh Invoke-RestMethod would pay for
# analysing the module path, which would flatter ChatPS.)
$pwshCacheUnder = if ($IsWindows) { 'Microsoft/PowerShell' } else { 'powershell' }
$userPwshCache = if ($IsWindows) { Join-Path $env:LOCALAPPDATA 'Microsoft/PowerShell' }
    elseif ($env:XDG_CACHE_HOME) { Join-Path $env:XDG_CACHE_HOME 'powershell' }
    else { Join-Path $HOME '.cache/powershell' }

function New-CacheHome([string] $path) {
    $under = Join-Path $path $pwshCacheUnder
    $null = New-Item -ItemType Directory -Path $under
    Get-ChildItem -Path $userPwshCache -File -Filter 'ModuleAnalysisCache*' -ErrorAction SilentlyContinue | Copy-Item -Destination $under
    $path
}

function Measure-Fresh([string] $condition, [bool] $withProfile) {
    $chatCache = New-CacheHome (Join-Path $freshDir "cache-$condition-chatps")
    $irmCache = New-CacheHome (Join-Path $freshDir "cache-$condition-irm")
    # Not counted: the first run of each builds its module analysis cache (and may meet a cold disk cache); the second
    # leaves the profile a run of its own wrote.
    foreach ($seed in 1, 2) {
        $null = Invoke-Fresh $freshChatPs $base $chatCache $withProfile
        $null = Invoke-Fresh $freshIrm $base $irmCache $withProfile
    }
    $chat = [System.Collections.Generic.List[double[]]]::new()
    $rest = [System.Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $freshRuns; $i++) {
        if ($i % 2) {
            $rest.Add((Invoke-Fresh $freshIrm $base $irmCache $withProfile)[0]); $chat.Add((Invoke-Fresh $freshChatPs $base $chatCache $withProfile))
        } else {
            $chat.Add((Invoke-Fresh $freshChatPs $base $chatCache $withProfile)); $rest.Add((Invoke-Fresh $freshIrm $base $irmCache $withProfile)[0])
        }
    }
    $total = Get-Median ($chat | ForEach-Object { $_[2] })
    $irm = Get-Median $rest.ToArray()
    [pscustomobject]@{
        Condition = $condition
        Chat      = $chat
        Rest      = $rest
        Import    = Get-Median ($chat | ForEach-Object { $_[0] })
        Connect   = Get-Median ($chat | ForEach-Object { $_[1] - $_[0] })
        First     = Get-Median ($chat | ForEach-Object { $_[2] - $_[1] })
        Total     = $total
        Irm       = $irm
        Ratio     = $total / $irm
        # Load on a shared machine drifts; each pair ran back to back, so the median of the pairs' own ratios is the
        # steadier figure. Both are printed; the target is judged on the ratio of the medians.
        Paired    = Get-Median (0..($freshRuns - 1) | ForEach-Object { $chat[$_][2] / $rest[$_] })
    }
}

$core = $null
$emulator = Start-Emulator
try {
    $base = $emulator.KookBase
    $env:CHATPS_KOOK_TOKEN = $token
    Import-Module $modulePath
    $chatDll = Join-Path $root 'out/ChatPS/ChatPS.dll'
    $references = @('System.Linq', 'System.Threading', 'System.Collections', 'netstandard', $chatDll, [System.Text.Json.JsonSerializer].Assembly.Location, [System.Management.Automation.PSCmdlet].Assembly.Location)
    $helper = Add-Type -Path (Join-Path $PSScriptRoot 'ChatPSBench.cs') -ReferencedAssemblies $references -IgnoreWarnings -WarningAction SilentlyContinue -PassThru |
        Select-Object -First 1
    Import-Module -Assembly $helper.Assembly

    Connect-Kook -BaseUri $base
    $core = [ChatPS.Kook.KookClient]::new([ChatPS.Http.ApiToken]::FromPlainText($token), [ChatPS.Kook.KookTokenType]::Bot,
        [Uri]$base, [ChatPS.Http.ConnectionOptions]::new())
    $ids = [string[]](0..($batch - 1) | ForEach-Object { [string](3000000000 + $_) })

    # One measurement each: elapsed milliseconds for the whole batch.
    $cases = [ordered]@{
        floor  = { $null = $ids | Measure-ChatPSPipelineFloor -ThrottleLimit 1 }
        tl1    = { $null = $ids | Get-KookUser -ThrottleLimit 1 }
        tl4    = { $null = $ids | Get-KookUser -ThrottleLimit 4 }
        irm    = {
            $headers = @{ Authorization = "Bot $token" }
            foreach ($id in $ids) { $null = Invoke-RestMethod -Uri "$base/user/view?user_id=$id" -Headers $headers }
        }
        core1  = { [ChatPSBench.CoreCalls]::Sequential($core, $ids) }
        core4  = { [ChatPSBench.CoreCalls]::Concurrent($core, $ids, 4) }
    }
    $names = @($cases.Keys)
    function Measure-Case([string] $name) {
        if ($name -like 'core*') { return [double](& $cases[$name]) }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        & $cases[$name]
        $watch.Elapsed.TotalMilliseconds
    }

    # Every cmdlet's results are checked once, so a broken build cannot pass for a fast one.
    $check = @($ids | Get-KookUser -ThrottleLimit 4)
    if ($check.Count -ne $ids.Count -or $check[-1].Id -ne $ids[-1]) { throw "Get-KookUser returned $($check.Count) of $($ids.Count) users." }

    # Warm-up until the JIT has settled (as bench/ChatPS.Benchmarks does): every case runs, round after round,
    # for at least $warmupMin rounds and then until the compiled-method count has not moved for $stableFor.
    $warmup = [System.Diagnostics.Stopwatch]::StartNew()
    $quiet = [System.Diagnostics.Stopwatch]::StartNew()
    $compiled = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    $warmupRounds = 0
    while ($warmupRounds -lt $warmupMin -or ($quiet.Elapsed -lt $stableFor -and $warmup.Elapsed -lt $warmupCap)) {
        foreach ($name in $names) { $null = Measure-Case $name }
        $warmupRounds++
        $now = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        if ($now -ne $compiled) { $compiled = $now; $quiet.Restart() }
    }
    $warmup.Stop()
    $settled = $quiet.Elapsed -ge $stableFor

    # Timed rounds: each round runs every case once, in an order rotated round by round.
    $times = @{}
    foreach ($name in $names) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($r = 0; $r -lt $rounds; $r++) {
        for ($k = 0; $k -lt $names.Count; $k++) {
            $name = $names[($k + $r) % $names.Count]
            $times[$name].Add((Measure-Case $name) * 1000 / $batch) # microseconds per item
        }
    }
    $jitted = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $compiled
    $us = @{}
    foreach ($name in $names) { $us[$name] = Get-Median $times[$name].ToArray() }
    # The same ratios taken round by round (each round's cases ran within a second of each other), then the median:
    # steadier than the ratio of medians when the machine's load swings between rounds.
    $pipePaired = Get-Median (0..($rounds - 1) | ForEach-Object { $times.tl1[$_] / ($times.core1[$_] + $times.floor[$_]) })
    $tl4Paired = Get-Median (0..($rounds - 1) | ForEach-Object { $times.tl4[$_] / $times.core4[$_] })

    # Fresh processes, interleaved and alternating which goes first, under both startup-profile conditions.
    $freshCold = Measure-Fresh 'no-profile' $false
    $freshOwn = Measure-Fresh 'own-profile' $true
} finally {
    if ($core) { $core.Dispose() }
    if (-not $emulator.Process.HasExited) { $emulator.Process.Kill() }
    $emulator.Process.WaitForExit()
    Remove-Item -Recurse -Force $freshDir -ErrorAction SilentlyContinue
}

$pipeRatio = $us.tl1 / ($us.core1 + $us.floor)
$tl4Ratio = $us.tl4 / $us.core4   # per-item time, so this is the core's throughput over the cmdlet's
# The target holds only if it holds in both conditions.
$freshRatio = [Math]::Max($freshCold.Ratio, $freshOwn.Ratio)
$inv = [Globalization.CultureInfo]::InvariantCulture
function F([double] $v, [string] $format = '0') { $v.ToString($format, $inv) }

$report = [System.Collections.Generic.List[string]]::new()
$report.Add("### pwsh benchmark ($(if ($Quick) { 'quick' } else { 'full' }) run)")
$report.Add('')
$report.Add("- date: $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $inv)) UTC; $([Environment]::ProcessorCount) cores; PowerShell $($PSVersionTable.PSVersion); $([System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription)")
$report.Add("- warm-up: $warmupRounds rounds over $(F $warmup.Elapsed.TotalSeconds '0.0') s, " +
    $(if ($settled) { "until the JIT had compiled nothing for $(F $stableFor.TotalSeconds) s" } else { 'cap reached while the JIT was still compiling' }) +
    "; methods compiled while timing: $jitted")
$report.Add("- per-item figures: median of $rounds interleaved rounds of $batch ids each; fresh processes: median of $freshRuns each per startup-profile condition, interleaved")
# The analysis cache is kept per engine; a copy that never saw this engine's own module folder seeds nothing.
$seeded = @(Get-ChildItem -Path $userPwshCache -File -Filter 'ModuleAnalysisCache*' -ErrorAction SilentlyContinue |
    Where-Object { [IO.File]::ReadAllText($_.FullName).Contains((Join-Path $PSHOME 'Modules')) }).Count -gt 0
$report.Add("- fresh processes' cache homes seeded with this user's module analysis cache: $(if ($seeded) { 'yes' } else { "no (none found for $PSHOME`: every fresh Invoke-RestMethod analysed the module path; run again)" })")
$smaImage = [System.Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead([System.Management.Automation.PSObject].Assembly.Location))
try { $precompiled = $smaImage.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 } finally { $smaImage.Dispose() }
# Installed PowerShell releases ship ReadyToRun images; an engine built from the sources may not (see New-ReadyToRunEngine.ps1).
$report.Add("- engine: PowerShell $($PSVersionTable.PSVersion), run as ``$($engine.Display)``$(if ($engine.Prefix.Count) { ' (the PowerShell .NET tool)' } else { ' (its own executable)' }), `$PSHOME $PSHOME; System.Management.Automation precompiled (ReadyToRun): $(if ($precompiled) { 'yes, as in an installed PowerShell' } else { 'no, so every fresh process JIT-compiles PowerShell itself' })")
$report.Add('')
$report.Add('| what | per item µs |')
$report.Add('|---|---:|')
$report.Add('| `$ids \| Get-KookUser -ThrottleLimit 1` | ' + (F $us.tl1) + ' |')
$report.Add('| `$ids \| Get-KookUser -ThrottleLimit 4` | ' + (F $us.tl4) + ' |')
$report.Add("| ``Invoke-RestMethod`` loop over the same ids | $(F $us.irm) |")
$report.Add("| core ``Users.GetAsync``, sequential | $(F $us.core1) |")
$report.Add("| core ``Users.GetAsync``, 4 in flight | $(F $us.core4) |")
$report.Add("| empty compiled cmdlet, same parameters (pipeline floor) | $(F $us.floor '0.0') |")
$report.Add('')
$report.Add('| fresh process, median ms | no startup profile | own startup profile |')
$report.Add('|---|---:|---:|')
$report.Add("| ``Import-Module`` + ``Connect-Kook`` + first ``Get-KookBotOnlineStatus`` | $(F $freshCold.Total) | $(F $freshOwn.Total) |")
$report.Add("| &nbsp;&nbsp;of which ``Import-Module`` | $(F $freshCold.Import) | $(F $freshOwn.Import) |")
$report.Add("| &nbsp;&nbsp;of which ``Connect-Kook`` (validation call included) | $(F $freshCold.Connect) | $(F $freshOwn.Connect) |")
$report.Add("| &nbsp;&nbsp;of which the first ``Get-KookBotOnlineStatus`` | $(F $freshCold.First) | $(F $freshOwn.First) |")
$report.Add("| first ``Invoke-RestMethod`` to the same endpoint | $(F $freshCold.Irm) | $(F $freshOwn.Irm) |")
$report.Add("| ratio (paired) | $(F $freshCold.Ratio '0.00') ($(F $freshCold.Paired '0.00')) | $(F $freshOwn.Ratio '0.00') ($(F $freshOwn.Paired '0.00')) |")
$report.Add('')
foreach ($f in $freshCold, $freshOwn) {
    $report.Add("Fresh-process runs, $($f.Condition), ChatPS: $(($f.Chat | ForEach-Object { F $_[2] }) -join ', ') ms; Invoke-RestMethod: $(($f.Rest | ForEach-Object { F $_ }) -join ', ') ms.")
    $report.Add('')
}
$report.Add('| ratio | target | measured | status |')
$report.Add('|---|---|---:|---|')
$report.Add("| piped item at TL1 / (core call + pipeline floor) | ≤ 1.5 | $(F $pipeRatio '0.00') | $(if ($pipeRatio -le 1.5) { 'met' } else { 'missed' }) |")
$report.Add("| core throughput at 4 / Get-KookUser's at TL4 | ≤ 1.3 | $(F $tl4Ratio '0.00') | $(if ($tl4Ratio -le 1.3) { 'met' } else { 'missed' }) |")
foreach ($f in $freshCold, $freshOwn) {
    $report.Add("| fresh import+connect+first call / fresh first Invoke-RestMethod, $($f.Condition) | ≤ 1.0 | $(F $f.Ratio '0.00') | $(if ($f.Ratio -le 1.0) { 'met' } else { 'missed' }) |")
}
$report.Add('')
$report.Add("The same ratios taken pair by pair (round by round, fresh pair by fresh pair), median: $(F $pipePaired '0.00'), $(F $tl4Paired '0.00'), $(F $freshCold.Paired '0.00'), $(F $freshOwn.Paired '0.00').")
$result = "RESULT pipe_tl1_ratio=$(F $pipeRatio '0.000') tl4_throughput_ratio=$(F $tl4Ratio '0.000') fresh_ratio=$(F $freshRatio '0.000') " +
    "tl1_us=$(F $us.tl1) tl4_us=$(F $us.tl4) core1_us=$(F $us.core1) core4_us=$(F $us.core4) floor_us=$(F $us.floor '0.0') irm_us=$(F $us.irm) " +
    "fresh_ratio_no_profile=$(F $freshCold.Ratio '0.000') fresh_ratio_own_profile=$(F $freshOwn.Ratio '0.000') " +
    "fresh_chatps_ms=$(F $freshCold.Total) fresh_irm_ms=$(F $freshCold.Irm) fresh_chatps_own_ms=$(F $freshOwn.Total) fresh_irm_own_ms=$(F $freshOwn.Irm) " +
    "fresh_paired_ratio=$(F $freshCold.Paired '0.000') fresh_paired_ratio_own=$(F $freshOwn.Paired '0.000') pipe_tl1_paired=$(F $pipePaired '0.000') tl4_paired=$(F $tl4Paired '0.000')"

$report | ForEach-Object { Write-Host $_ }
Write-Host ''
if ($Markdown) { Set-Content -Path $Markdown -Value (@($report) + @('', '```', $result, '```')) -Encoding utf8 }
$result
