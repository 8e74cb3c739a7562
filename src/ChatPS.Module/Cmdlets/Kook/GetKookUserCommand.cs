using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Kook.Models;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Get-KookUser: the bot itself (<c>user/me</c>), or users by id (<c>user/view</c>), several at a time, in input order.</summary>
    [Cmdlet(VerbsCommon.Get, "KookUser", DefaultParameterSetName = MeSet)]
    [OutputType(typeof(KookUser))]
    public sealed class GetKookUserCommand : KookCmdlet
    {
        private const string MeSet = "Me";
        private const string IdSet = "Id";
        private ProgressTracker? _progress;
        private OrderedBulkRunner<(string Id, string? GuildId), KookUser>? _runner;

        /// <summary>User ids to look up; from the pipeline as strings or objects with an Id/UserId property.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateNotNullOrEmpty]
        [ValidatePattern(ChatIds.Pattern)]
        public string[]? Id { get; set; }

        /// <summary>A guild, for the user's nickname, roles and dates there.</summary>
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidatePattern(ChatIds.Pattern)]
        public string? GuildId { get; set; }

        /// <summary>Lookups in flight at once (1–32, default 4); the connection's rate limits still apply.</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, OrderedBulkRunner<string, string>.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 4;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (ParameterSetName != IdSet) return;
            var users = Client.Users;
            _runner = CreateRunner<(string Id, string? GuildId), KookUser>((item, token) => users.GetAsync(item.Id, item.GuildId, token), ThrottleLimit);
            // The total is known only when the ids come as an argument rather than from the pipeline.
            if (!MyInvocation.ExpectingInput && Id != null) _progress = new ProgressTracker("Get-KookUser", Id.Length);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (_runner is null)
            {
                var client = Client;
                if (TryRun(token => client.Users.GetCurrentAsync(token), "user/me", out var me)) WriteModel(me);
                return;
            }
            foreach (var id in Id!) Submit(_runner, (id, GuildId), Emit);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Drain(_runner, Emit);
            if (_progress != null) CompleteProgress(_progress);
        }

        /// <inheritdoc />
        protected override void DisposeResources() => _runner?.Dispose();

        private void Emit(BulkResult<(string Id, string? GuildId), KookUser> result)
        {
            if (result.Succeeded) WriteModel(result.Value);
            else Report(result.Error!, result.Input.Id);
            if (_progress is null) return;
            _progress.Advance();
            ShowProgress(_progress, result.Input.Id);
        }
    }
}
