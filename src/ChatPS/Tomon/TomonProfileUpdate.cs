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

        /// <summary>The longest name or user name accepted (Tomon documents none; this is what its sign-up form allows).</summary>
        public const int MaxNameLength = 32;

        /// <summary>New display name (sent as <c>name</c>, as Tomon's Android client sends it), or null.</summary>
        public string? Name { get; set; }

        /// <summary>New user name, the part before <c>#</c> in <c>name#1234</c> (sent as <c>username</c>), or null.</summary>
        public string? Username { get; set; }

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
            if (Name != null) parts.Add("name to '" + Name + "'");
            if (Username != null) parts.Add("user name to '" + Username + "'");
            if (Discriminator != null) parts.Add("discriminator to '" + Discriminator + "'");
            if (Email != null) parts.Add("e-mail to '" + Email + "'");
            return parts.Count == 0 ? "no change" : "Change " + string.Join(" and ", parts);
        }

        /// <summary>Throws <see cref="ArgumentException"/> for a change that would be refused.</summary>
        public void Validate()
        {
            if (CurrentPassword is null)
                throw new ArgumentException("The current password is required to change the profile.", nameof(CurrentPassword));
            if (Name is null && Username is null && Discriminator is null && Email is null)
                throw new ArgumentException("Nothing to change: give a name, a user name, a discriminator or an e-mail address.", nameof(Discriminator));
            CheckName(Name, nameof(Name), allowHash: true);
            CheckName(Username, nameof(Username), allowHash: false);
            if (Discriminator != null && !DiscriminatorPattern.IsMatch(Discriminator))
                throw new ArgumentException($"'{Discriminator}' is not a discriminator: expected four digits.", nameof(Discriminator));
            if (Email != null && !EmailPattern.IsMatch(Email))
                throw new ArgumentException($"'{Email}' is not an e-mail address.", nameof(Email));
        }

        /// <summary>
        /// A name must hold something visible, fit <see cref="MaxNameLength"/>, and carry no control characters; a user name
        /// also no <c>#</c>, which separates it from the discriminator in <c>name#1234</c> (the sign-in name).
        /// </summary>
        private static void CheckName(string? value, string parameter, bool allowHash)
        {
            if (value is null) return;
            string what = parameter == nameof(Name) ? "a name" : "a user name";
            if (value.Trim().Length == 0)
                throw new ArgumentException($"'{value}' is not {what}: it is empty.", parameter);
            if (value.Length > MaxNameLength)
                throw new ArgumentException($"'{value}' is not {what}: at most {MaxNameLength} characters.", parameter);
            foreach (char c in value)
                if (char.IsControl(c) || (!allowHash && c == '#'))
                    throw new ArgumentException($"'{value}' is not {what}: it holds '{(char.IsControl(c) ? "a control character" : "#")}'.", parameter);
        }
    }
}
