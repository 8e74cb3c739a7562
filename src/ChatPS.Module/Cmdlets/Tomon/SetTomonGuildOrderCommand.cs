using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>
    /// Set-TomonGuildOrder: orders the sidebar. Guilds (or ids) from the pipeline are placed in the order
    /// they arrive; or give <c>-Id</c> in order, or <c>-Position @{ id = n }</c>.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "TomonGuildOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = IdSet)]
    [OutputType(typeof(TomonGuild))]
    public sealed class SetTomonGuildOrderCommand : TomonCmdlet
    {
        private const string IdSet = "Id";
        private const string PositionSet = "Position";
        private readonly OrderedIdCollector _collected = new OrderedIdCollector();

        /// <summary>Guild ids in the wanted order; guild objects bind by their Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("GuildId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        [ArgumentCompleter(typeof(TomonGuildIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Explicit positions: guild id → zero-based position.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PositionSet)]
        [ValidateNotNull]
        public Hashtable? Position { get; set; }

        /// <summary>Writes the guilds in their new order.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet) return;
            foreach (var id in Id!)
            {
                try
                {
                    _collected.Add(id);
                }
                catch (ArgumentException ex)
                {
                    Report(ex, id);
                }
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var connection = ActiveConnection;
            IReadOnlyList<TomonGuildPosition> positions;
            try
            {
                positions = ParameterSetName == PositionSet
                    ? TomonGuildsClient.PositionsFromMap(PSObjectConverter.Pairs(Position))
                    : TomonGuildsClient.PositionsInOrder(_collected.Ids);
            }
            catch (ArgumentException ex)
            {
                Report(ex, (object?)Position ?? _collected.Ids, forceTerminating: true);
                return;
            }

            if (!ShouldProcess("Tomon guild sidebar", OperationText.GuildOrder(connection, positions))) return;
            if (!TryRun(token => connection.Client.Guilds.ReorderAsync(positions, token), positions, out var guilds)) return;
            connection.GuildCache = guilds;
            int unlisted = guilds.Count - positions.Count;
            if (unlisted > 0)
                WriteWarning(string.Format(CultureInfo.InvariantCulture,
                    "{0} guild(s) not listed keep their relative order after the {1} listed.", unlisted, positions.Count));
            if (PassThru)
                foreach (var guild in guilds) WriteModel(guild);
        }
    }
}
