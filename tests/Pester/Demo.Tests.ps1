#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# `./build.ps1 -Task Demo` and `-Task Shell` as a person meets them: the demo script in a fresh engine, what it prints
# and its exit code, the shell's start script with commands typed into it, and the emulator they start ending with
# them. The build steps of the two tasks are `dotnet build`, which the suite has already run.

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $script:RepoRoot 'tools/pwsh/EngineCommand.ps1')
    . (Join-Path $script:RepoRoot 'tools/pwsh/Emulator.ps1')
    $script:Demo = Join-Path $script:RepoRoot 'tools/pwsh/Demo.ps1'
    $script:Psd1 = Join-Path $script:RepoRoot 'out/ChatPS/ChatPS.psd1'

    # Runs the engine to the end with its output read; the bound only stops a hang.
    function Invoke-Child {
        param([string[]] $Arguments, [string[]] $Typed = @())
        $info = New-EngineStartInfo -Arguments $Arguments
        $info.RedirectStandardInput = $true
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.Environment['NO_COLOR'] = '1'
        $process = [System.Diagnostics.Process]::Start($info)
        try {
            $stdout = $process.StandardOutput.ReadToEndAsync()
            $stderr = $process.StandardError.ReadToEndAsync()
            foreach ($line in $Typed) { $process.StandardInput.WriteLine($line) }
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(600000)) { $process.Kill($true); throw 'the child engine hung' }
            $process.WaitForExit()
            [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.GetAwaiter().GetResult(); Errors = $stderr.GetAwaiter().GetResult() }
        }
        finally { $process.Dispose() }
    }

    # Whether anything still answers at the address; a refused connection is the emulator gone.
    function Test-Answers {
        param([string] $BaseUri)
        try { $null = Invoke-RestMethod "$BaseUri/_emulator/stats" -TimeoutSec 30; $true } catch { $false }
    }

    # Waits until a process has ended; the bound only stops a hang.
    function Wait-ProcessEnd {
        param([int] $Id)
        $process = Get-Process -Id $Id -ErrorAction SilentlyContinue
        if ($process) { $process.WaitForExit(60000) | Should -BeTrue -Because "process $Id should have ended" }
    }
}

Describe 'Demo' {
    BeforeAll {
        $script:Run = Invoke-Child -Arguments '-NoProfile', '-NonInteractive', '-File', $script:Demo, '-ModulePath', $script:Psd1
        $script:Text = $script:Run.Output -replace '\e\[[0-9;?]*[A-Za-z]', ''
    }

    It 'exits 0 and says every step ran' {
        $script:Run.ExitCode | Should -Be 0 -Because ($script:Text + $script:Run.Errors)
        $script:Text | Should -Match 'Demo finished: \d+ steps, all as shown\.'
    }

    It 'shows the <Title> step' -ForEach @(
        @{ Title = 'Connect to KOOK' }, @{ Title = 'KOOK users from a CSV' }, @{ Title = "The bot's online status" },
        @{ Title = 'The Tomon guild list' }, @{ Title = 'A report with an evidence image' }, @{ Title = 'Invoke-KookApi' }) {
        $script:Text | Should -Match ([regex]::Escape($Title))
    }

    It 'shows the users as a table and the unknown id as an error record, with its id, category and target' {
        $script:Text | Should -Match '(?m)^1000000001\s+alice#0001'
        $script:Text | Should -Match '(?m)^1000000002\s+bob#0002'
        $script:Text | Should -Match 'Get-KookUser: '
        $script:Text | Should -Match 'FullyQualifiedErrorId : ChatPS\.Kook\.40000'
        $script:Text | Should -Match 'Category\s+: ObjectNotFound'
        $script:Text | Should -Match 'TargetObject\s+: 1999999999'
    }

    It 'shows what -WhatIf would do, the report the service received and the verbose line of Invoke-KookApi' {
        $script:Text | Should -Match 'What if: Performing the operation "Reorder 5 guild\(s\)'
        $script:Text | Should -Match 'screenshot\.png\s+image/png'
        $script:Text | Should -Match 'VERBOSE: KOOK GET user/view\?user_id=1000000003 -> 200'
        $script:Text | Should -Not -Match 'kook-emulator-token|tomon-emulator-token'
    }

    It 'stops its emulator' {
        $script:Text -match 'KOOK  base URI: (http://\S+)/api/v3' | Should -BeTrue
        Test-Answers $Matches[1] | Should -BeFalse
    }

    It 'names the step that failed and exits 1 when a step fails, and still stops its emulator' {
        $missing = Join-Path $TestDrive 'no-such/ChatPS.psd1'
        $run = Invoke-Child -Arguments '-NoProfile', '-NonInteractive', '-File', $script:Demo, '-ModulePath', $missing
        $text = $run.Output -replace '\e\[[0-9;?]*[A-Za-z]', ''
        $run.ExitCode | Should -Be 1
        $text | Should -Match 'Demo failed at step 2 \(Import the module\) failed: '
        $text -match 'KOOK  base URI: (http://\S+)/api/v3' | Should -BeTrue
        Test-Answers $Matches[1] | Should -BeFalse
    }
}

Describe 'Shell' {
    It 'opens with the module imported, both platforms connected, the base URIs and commands to try' {
        $emulator = Start-ChatPSEmulator -RepoRoot $script:RepoRoot
        try {
            # The arguments the Shell task gives; what is typed arrives on standard input.
            $run = Invoke-Child -Arguments '-NoExit', '-NoLogo', '-NoProfile', '-File', (Join-Path $script:RepoRoot 'tools/pwsh/Shell.ps1'),
                '-ModulePath', $script:Psd1, '-EmulatorUri', $emulator.BaseUri -Typed '(Get-KookUser).Id', '(Get-TomonUser).FullName', 'exit'
            $text = $run.Output -replace '\e\[[0-9;?]*[A-Za-z]', ''
            $run.ExitCode | Should -Be 0 -Because ($text + $run.Errors)
            $text | Should -Match ([regex]::Escape("KOOK  base URI: $($emulator.Kook)"))
            $text | Should -Match ([regex]::Escape("Tomon base URI: $($emulator.Tomon)"))
            $text | Should -Match 'Try:'
            $text | Should -Match '(?m)^364862\s*$'
            $text | Should -Match '(?m)^tomon#1234\s*$'
            $text | Should -Match '\[ChatPS emulator\] PS '
        }
        finally { Stop-ChatPSEmulator $emulator }
    }

    It 'an emulator started for a session ignores Ctrl+C and stops when the process that started it is killed' -Skip:$IsWindows {
        # The Shell task's own process holds the emulator's standard input; killing it is the harshest way it can end.
        $owner = @'
. (Join-Path $args[0] 'tools/pwsh/Emulator.ps1')
$e = Start-ChatPSEmulator -RepoRoot $args[0]
"$($e.Process.Id) $($e.BaseUri)"
[Console]::Out.Flush()
Start-Sleep -Seconds 3600
'@
        $file = Join-Path $TestDrive 'owner.ps1'
        Set-Content -Path $file -Value $owner
        $info = New-EngineStartInfo -Arguments '-NoProfile', '-NonInteractive', '-File', $file, $script:RepoRoot
        $info.RedirectStandardOutput = $true
        $process = [System.Diagnostics.Process]::Start($info)
        try {
            $emulatorId, $base = $process.StandardOutput.ReadLine() -split ' '
            Test-Answers $base | Should -BeTrue
            # Ctrl+C at a shell prompt reaches every process on the terminal, the emulator too.
            & kill -INT $emulatorId
            # Without --exit-with-stdin it would have stopped within about a second; this gives it the chance to.
            Start-Sleep -Seconds 2
            Test-Answers $base | Should -BeTrue -Because 'SIGINT is the shell prompt''s, not the emulator''s'
            $process.Kill()
            $process.WaitForExit()
            Wait-ProcessEnd -Id ([int]$emulatorId)
            Test-Answers $base | Should -BeFalse
        }
        finally {
            if (-not $process.HasExited) { $process.Kill() }
            $process.Dispose()
        }
    }
}
