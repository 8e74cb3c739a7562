using System.Management.Automation;
using ChatPS.Automation;
using ChatPS.Kook.Models;

namespace ChatPS.Module.Cmdlets.Kook
{
    /// <summary>Get-KookUser: the bot itself (<c>user/me</c>), or users by id (<c>user/view</c>).</summary>
    [Cmdlet(VerbsCommon.Get, "KookUser", DefaultParameterSetName = MeSet)]
    [OutputType(typeof(KookUser))]
    public sealed class GetKookUserCommand : KookCmdlet
    {
        private const string MeSet = "Me";
        private const string IdSet = "Id";
        private ProgressTracker? _progress;

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

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            // The total is known only when the ids come as an argument rather than from the pipeline.
            if (ParameterSetName == IdSet && !MyInvocation.ExpectingInput && Id != null)
                _progress = new ProgressTracker("Get-KookUser", Id.Length);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var client = Client;
            if (ParameterSetName == MeSet)
            {
                if (TryRun(token => client.Users.GetCurrentAsync(token), "user/me", out var me)) WriteModel(me);
                return;
            }
            foreach (var id in Id!)
            {
                if (_progress != null) ShowProgress(_progress, id);
                if (TryRun(token => client.Users.GetAsync(id, GuildId, token), id, out var user)) WriteModel(user);
                _progress?.Advance();
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_progress != null) CompleteProgress(_progress);
        }
    }
}
