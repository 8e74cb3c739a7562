using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using ChatPS.Automation;

namespace ChatPS.Module
{
    /// <summary>Tab completion of guild ids from the connection's last guild list (no call is made while typing).</summary>
    public sealed class TomonGuildIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = (fakeBoundParameters?["Connection"] as PSObject)?.BaseObject as TomonConnection
                ?? fakeBoundParameters?["Connection"] as TomonConnection
                ?? SessionConnections.CurrentTomon;
            if (connection is null) yield break;
            string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase);
            foreach (var guild in connection.GuildCache)
            {
                if (guild.Id.StartsWith(word, StringComparison.Ordinal) || pattern.IsMatch(guild.Name))
                    yield return new CompletionResult(guild.Id, guild.Id + " (" + guild.Name + ")", CompletionResultType.ParameterValue, guild.Name);
            }
        }
    }
}
