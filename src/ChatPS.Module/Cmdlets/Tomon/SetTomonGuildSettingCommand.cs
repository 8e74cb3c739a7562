using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>
    /// Set-TomonGuildSetting: changes the signed-in user's notification settings of a guild
    /// (<c>PATCH /users/@me/guilds/{guildId}/settings</c>; <c>@me</c>, the default, is the direct-message settings).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TomonGuildSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TomonGuildSettings))]
    public sealed class SetTomonGuildSettingCommand : TomonCmdlet
    {
        /// <summary>Further settings, by the names the service uses, passed through as JSON.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNull]
        public Hashtable? Setting { get; set; }

        /// <summary>The guild; guild objects from Get-TomonGuild bind by their Id. Default <c>@me</c> (direct messages).</summary>
        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidatePattern(GuildIdPattern)]
        [ArgumentCompleter(typeof(TomonGuildIdCompleter))]
        public string GuildId { get; set; } = TomonGuildSettingsUpdate.DirectMessages;

        /// <summary>Mutes the guild; <c>-Muted:$false</c> unmutes it (sent as <c>mute</c>).</summary>
        [Parameter]
        public SwitchParameter Muted { get; set; }

        /// <summary>The guild's notification level, 0 to 3 (sent as <c>message_notifications</c>).</summary>
        [Parameter]
        [ValidateRange(TomonNotificationLevel.Minimum, TomonNotificationLevel.Maximum)]
        public int MessageNotifications { get; set; }

        /// <summary>Suppresses @everyone and @here; <c>-SuppressEveryone:$false</c> lets them through.</summary>
        [Parameter]
        public SwitchParameter SuppressEveryone { get; set; }

        /// <summary>Per-channel overrides: hashtables or objects with <c>channel_id</c> and <c>message_notifications</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public object[]? ChannelOverride { get; set; }

        /// <summary>Writes the settings as stored.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private const string GuildIdPattern = "^(@me|[0-9]{1,20})$";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var update = new TomonGuildSettingsUpdate { GuildId = GuildId };
            try
            {
                var given = MyInvocation.BoundParameters;
                if (given.ContainsKey(nameof(Muted))) update.Muted = Muted.IsPresent;
                if (given.ContainsKey(nameof(MessageNotifications))) update.MessageNotifications = MessageNotifications;
                if (given.ContainsKey(nameof(SuppressEveryone))) update.SuppressEveryone = SuppressEveryone.IsPresent;
                if (ChannelOverride != null)
                    update.ChannelOverrides = ChannelOverride.Select(o => TomonChannelOverride.From(PSObjectConverter.ToPlain(o))).ToList();
                if (Setting != null) update.Other = (Dictionary<string, object?>)PSObjectConverter.ToPlain(Setting)!;
                update.Validate();
            }
            catch (ArgumentException ex)
            {
                Report(ex, GuildId);
                return;
            }
            if (!ShouldProcess(OperationText.GuildSettings(connection, update.GuildId), update.ToString())) return;
            if (TryRun(token => connection.Client.GuildSettings.UpdateAsync(update, token), GuildId, out var settings) && PassThru)
                WriteModel(settings);
        }
    }
}
