using System.Text;

namespace ChatPS.Automation
{
    /// <summary>Names for fields the models do not declare, when the module surfaces them as properties.</summary>
    public static class PropertyNames
    {
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
