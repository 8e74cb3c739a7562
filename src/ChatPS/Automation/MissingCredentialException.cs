using System;

namespace ChatPS.Automation
{
    /// <summary>No credential was given and none could be found.</summary>
    public sealed class MissingCredentialException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public MissingCredentialException(string message) : base(message) { }
    }
}
