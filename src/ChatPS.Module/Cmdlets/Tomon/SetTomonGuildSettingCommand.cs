using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Set-TomonGuildSetting: <c>PATCH /users/@me/guilds/@me/settings</c> with the settings given, passed through as JSON.</summary>
    [Cmdlet(VerbsCommon.Set, "TomonGuildSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PSObject))]
    public sealed class SetTomonGuildSettingCommand : TomonCmdlet
    {
        /// <summary>The settings to change, as the service names them.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public Hashtable? Setting { get; set; }

        /// <summary>Writes the settings the service returned.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            var settings = (Dictionary<string, object?>)PSObjectConverter.ToPlain(Setting)!;
            if (!ShouldProcess("Tomon guild settings", "Change " + string.Join(", ", settings.Keys))) return;
            if (TryRun(token => client.GuildSettings.UpdateAsync(settings, token), Setting, out var reply) && PassThru)
                WriteObject(PSObjectConverter.FromPlain(reply));
        }
    }
}
