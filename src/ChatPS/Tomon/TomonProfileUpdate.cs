using System;
using System.Text.RegularExpressions;
using ChatPS.Http;

namespace ChatPS.Tomon
{
    /// <summary>What <see cref="TomonProfileClient.UpdateAsync"/> changes. Unset values are left as they are.</summary>
    public sealed class TomonProfileUpdate
    {
        private static readonly Regex DiscriminatorPattern = new Regex("^[0-9]{4}$", RegexOptions.CultureInvariant);
        private static readonly Regex EmailPattern = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant);

        /// <summary>New four-digit discriminator, or null.</summary>
        public string? Discriminator { get; set; }

        /// <summary>New e-mail address, or null.</summary>
        public string? Email { get; set; }

        /// <summary>The current password (required by Tomon for any change).</summary>
        public ApiToken? CurrentPassword { get; set; }

        /// <summary>Describes the change without secrets, e.g. for a confirmation prompt.</summary>
        public override string ToString()
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Discriminator != null) parts.Add("discriminator to '" + Discriminator + "'");
            if (Email != null) parts.Add("e-mail to '" + Email + "'");
            return parts.Count == 0 ? "no change" : "Change " + string.Join(" and ", parts);
        }

        /// <summary>Throws <see cref="ArgumentException"/> for a change that would be refused.</summary>
        public void Validate()
        {
            if (CurrentPassword is null)
                throw new ArgumentException("The current password is required to change the profile.", nameof(CurrentPassword));
            if (Discriminator is null && Email is null)
                throw new ArgumentException("Nothing to change: give a discriminator, an e-mail address, or both.", nameof(Discriminator));
            if (Discriminator != null && !DiscriminatorPattern.IsMatch(Discriminator))
                throw new ArgumentException($"'{Discriminator}' is not a discriminator: expected four digits.", nameof(Discriminator));
            if (Email != null && !EmailPattern.IsMatch(Email))
                throw new ArgumentException($"'{Email}' is not an e-mail address.", nameof(Email));
        }
    }
}
