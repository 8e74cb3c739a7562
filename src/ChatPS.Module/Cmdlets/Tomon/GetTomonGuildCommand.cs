using System.Linq;
using System.Management.Automation;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Get-TomonGuild: the guilds the signed-in user has joined, in sidebar order.</summary>
    [Cmdlet(VerbsCommon.Get, "TomonGuild")]
    [OutputType(typeof(TomonGuild))]
    public sealed class GetTomonGuildCommand : TomonCmdlet
    {
        /// <summary>Only guilds whose name matches one of these wildcard patterns.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            if (!TryRun(token => connection.Client.Guilds.ListAsync(token), "users/@me/guilds", out var guilds)) return;
            connection.GuildCache = guilds;
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToArray();
            foreach (var guild in guilds)
                if (patterns is null || patterns.Any(p => p.IsMatch(guild.Name))) WriteModel(guild);
        }
    }
}
