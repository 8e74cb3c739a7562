using System.Text;

namespace ChatPS.Automation
{
    /// <summary>Names for fields the models do not declare, when the module surfaces them as properties.</summary>
    public static class PropertyNames
    {
        /// <summary>
        /// The name a field with an empty name (<c>""</c>, which JSON allows) is shown under. PowerShell refuses a member
        /// without a name, and one such field would otherwise cost the whole object (its view, <c>Select-Object *</c>,
        /// <c>ConvertTo-Json</c>). The parentheses keep it apart from any name a service would choose.
        /// </summary>
        public const string EmptyName = "(empty)";

        /// <summary>
        /// The property name for an undeclared field: <see cref="ToPascalCase"/>, or <see cref="EmptyName"/> for a field
        /// whose name is empty.
        /// </summary>
        public static string ForField(string wireName) => string.IsNullOrEmpty(wireName) ? EmptyName : ToPascalCase(wireName);

        /// <summary>
        /// The key of a JSON object as a PowerShell property name: as it is, or <see cref="EmptyName"/> when empty.
        /// </summary>
        public static string ForKey(string key) => string.IsNullOrEmpty(key) ? EmptyName : key;

        /// <summary><c>tag_info</c> → <c>TagInfo</c>, <c>client-id</c> → <c>ClientId</c>.</summary>
        public static string ToPascalCase(string wireName)
        {
            if (string.IsNullOrEmpty(wireName)) return wireName;
            var sb = new StringBuilder(wireName.Length);
            bool upper = true;
            foreach (char c in wireName)
            {
                if (c == '_' || c == '-' || c == ' ' || c == '.')
                {
                    upper = true;
                    continue;
                }
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            return sb.Length == 0 ? wireName : sb.ToString();
        }
    }
}
