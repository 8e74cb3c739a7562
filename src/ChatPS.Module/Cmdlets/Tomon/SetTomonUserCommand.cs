using System;
using System.Management.Automation;
using System.Security;
using ChatPS.Automation;
using ChatPS.Http;
using ChatPS.Tomon;
using ChatPS.Tomon.Models;

namespace ChatPS.Module.Cmdlets.Tomon
{
    /// <summary>Set-TomonUser: changes the name, user name, discriminator and/or e-mail (<c>PATCH /users/@me</c>).</summary>
    [Cmdlet(VerbsCommon.Set, "TomonUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TomonUser))]
    public sealed class SetTomonUserCommand : TomonCmdlet
    {
        /// <summary>The current password, which Tomon requires for any change.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public SecureString? CurrentPassword { get; set; }

        /// <summary>New display name (sent as <c>name</c>).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>New user name, the part before <c>#</c> in <c>name#1234</c> (sent as <c>username</c>).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Username { get; set; }

        /// <summary>New four-digit discriminator.</summary>
        [Parameter]
        [ValidatePattern("^[0-9]{4}$")]
        public string? Discriminator { get; set; }

        /// <summary>New e-mail address.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>Writes the updated profile.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var connection = ActiveConnection;
            var update = new TomonProfileUpdate { Name = Name, Username = Username, Discriminator = Discriminator, Email = Email, CurrentPassword = new ApiToken(CurrentPassword!) };
            try
            {
                update.Validate();
            }
            catch (ArgumentException ex)
            {
                Report(ex, update.ToString());
                return;
            }
            if (!ShouldProcess(OperationText.TomonProfile(connection), OperationText.ProfileChange(update))) return;
            if (TryRun(token => connection.Client.Profile.UpdateAsync(update, token), update.ToString(), out var user))
            {
                connection.User = user;
                if (PassThru) WriteModel(user);
            }
        }
    }
}
