namespace ChatPS.Tomon.Models
{
    /// <summary>One entry of <c>PATCH /users/@me/guilds</c>: where a guild goes in the sidebar.</summary>
    public sealed class TomonGuildPosition
    {
        /// <summary>Creates an entry.</summary>
        public TomonGuildPosition(string id, int position)
        {
            Id = id;
            Position = position;
        }

        /// <summary>Guild id.</summary>
        public string Id { get; }

        /// <summary>Zero-based position.</summary>
        public int Position { get; }

        /// <inheritdoc />
        public override string ToString() => Id + "@" + Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
