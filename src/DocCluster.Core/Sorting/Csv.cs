using System.Collections.Generic;
using System.Text;

namespace DocCluster.Sorting
{
    /// <summary>RFC 4180 CSV: fields with a comma, quote, CR/LF or edge spaces are quoted, quotes doubled.</summary>
    internal static class Csv
    {
        internal static string Field(string value)
        {
            if (value == null) return "";
            bool quote = value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || (value.Length > 0 && (value[0] == ' ' || value[value.Length - 1] == ' '));
            return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }

        internal static string Line(params string[] fields)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(Field(fields[i]));
            }
            sb.Append("\r\n");
            return sb.ToString();
        }

        /// <summary>
        /// Records of <paramref name="text"/>. Only records ended by a line break are returned: an unterminated last record
        /// is a line torn by an interrupted write. Quoted fields may hold line breaks.
        /// </summary>
        internal static List<List<string>> Parse(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            bool inQuotes = false, fieldStarted = false;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        inQuotes = false; i++; continue;
                    }
                    field.Append(c); i++; continue;
                }
                if (c == '"' && !fieldStarted) { inQuotes = true; fieldStarted = true; i++; continue; }
                if (c == ',') { record.Add(field.ToString()); field.Clear(); fieldStarted = false; i++; continue; }
                if (c == '\r' || c == '\n')
                {
                    record.Add(field.ToString()); field.Clear(); fieldStarted = false;
                    records.Add(record); record = new List<string>();
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    i++; continue;
                }
                field.Append(c); fieldStarted = true; i++;
            }
            return records;
        }
    }
}
