using System;
using System.Globalization;

namespace ChatPS.Automation
{
    /// <summary>How values from a PowerShell hashtable are written into a query string.</summary>
    public static class QueryValues
    {
        /// <summary>Booleans as <c>true</c>/<c>false</c>, numbers and dates invariant, null stays null (the parameter is left out).</summary>
        public static string? Format(object? value) => value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            DateTimeOffset d => d.ToString("o", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("o", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }
}
