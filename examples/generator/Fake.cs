using System;
using System.Globalization;
using System.Text;

namespace DocCluster.ExampleGenerator
{
    /// <summary>Invented people, places and firms. Nothing here refers to a real person or company.</summary>
    internal sealed class Fake
    {
        private static readonly string[] Given =
        {
            "Alvane", "Brenna", "Corvin", "Dalira", "Evander", "Fennick", "Gorlan", "Halvard", "Isolde", "Joram", "Kestrel",
            "Liora", "Marwen", "Nerissa", "Orvyn", "Pellamy", "Quillon", "Rhosyn", "Sabetha", "Tamsel", "Ulrika", "Vesperine", "Wendric", "Ysolda", "Zarek",
        };

        private static readonly string[] Surnames =
        {
            "Quorvath", "Zelmaine", "Vantrelle", "Oskarind", "Brelloway", "Thistlegrove", "Marrowick", "Pennifold", "Kestermund",
            "Haverloch", "Dravenholt", "Sollimere", "Ambervayne", "Corriwald", "Fenwhistle", "Glimmerton", "Nettlecombe", "Yarrowby",
        };

        private static readonly string[] Towns = { "Lindenmoor", "Port Averly", "Ostwick", "Haldenburg", "Riverstead", "Marrowfield", "Kelby Cross", "Utopia City" };
        private static readonly string[] Streets = { "Specimen Lane", "Example Road", "Sample Street", "Placeholder Avenue", "Testing Row", "Fictive Way", "Mock Court", "Dummy Hill" };
        private static readonly string[] Months = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
        private static readonly string[] MonthNames = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };

        private readonly Random _r;
        public Fake(Random r) { _r = r; }

        public T Pick<T>(T[] items) => items[_r.Next(items.Length)];
        public string GivenName() => Pick(Given);
        public string Surname() => Pick(Surnames);
        public string Town() => Pick(Towns);
        public string Street() => (1 + _r.Next(180)).ToString(CultureInfo.InvariantCulture) + " " + Pick(Streets);
        public string Postcode() => "UT" + _r.Next(10, 99).ToString(CultureInfo.InvariantCulture) + " " + (char)('A' + _r.Next(26)) + _r.Next(0, 9) + (char)('A' + _r.Next(26));
        public string Digits(int n)
        {
            var sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) sb.Append((char)('0' + _r.Next(10)));
            return sb.ToString();
        }
        public string Alnum(int n)
        {
            const string cs = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
            var sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) sb.Append(cs[_r.Next(cs.Length)]);
            return sb.ToString();
        }

        public DateTime Date(int fromYear, int toYear) => new DateTime(fromYear, 1, 1).AddDays(_r.Next((new DateTime(toYear, 12, 31) - new DateTime(fromYear, 1, 1)).Days));

        public static string CardDate(DateTime d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        public static string PassportDate(DateTime d) => d.Day.ToString("00", CultureInfo.InvariantCulture) + " " + Months[d.Month - 1] + " " + d.Year.ToString(CultureInfo.InvariantCulture);
        public static string LetterDate(DateTime d) => d.Day.ToString(CultureInfo.InvariantCulture) + " " + MonthNames[d.Month - 1] + " " + d.Year.ToString(CultureInfo.InvariantCulture);
        public static string Money(decimal v) => v.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>ICAO 9303 machine readable zone for a TD3 (passport) document.</summary>
    internal static class Mrz
    {
        public static int CharValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
            if (c == '<') return 0;
            throw new ArgumentException("not an MRZ character: " + c);
        }

        /// <summary>ICAO 9303 part 3 check digit: weights 7,3,1 repeating, sum mod 10.</summary>
        public static char Check(string s)
        {
            int[] w = { 7, 3, 1 };
            int sum = 0;
            for (int i = 0; i < s.Length; i++) sum += CharValue(s[i]) * w[i % 3];
            return (char)('0' + sum % 10);
        }

        private static string Field(string s, int len)
        {
            var sb = new StringBuilder();
            foreach (char ch in s.ToUpperInvariant())
            {
                if (ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') sb.Append(ch);
                else sb.Append('<'); // spaces, hyphens, apostrophes
            }
            string f = sb.ToString();
            return f.Length >= len ? f.Substring(0, len) : f.PadRight(len, '<');
        }

        public static string Yymmdd(DateTime d) => d.ToString("yyMMdd", CultureInfo.InvariantCulture);

        /// <summary>Returns the two 44-character TD3 lines.</summary>
        public static string[] Td3(string state, string surname, string givenNames, string docNumber, string nationality, DateTime birth, char sex, DateTime expiry, string personal)
        {
            string line1 = "P<" + state + Field(surname + "<<" + givenNames, 39);
            string doc = Field(docNumber, 9);
            string dob = Yymmdd(birth), exp = Yymmdd(expiry);
            string pers = Field(personal, 14);
            string docC = doc + Check(doc);
            string dobC = dob + Check(dob);
            string expC = exp + Check(exp);
            string persC = pers + Check(pers);
            string composite = Check(docC + dobC + expC + persC).ToString();
            string line2 = docC + nationality + dobC + sex + expC + persC + composite;
            if (line1.Length != 44 || line2.Length != 44) throw new InvalidOperationException("MRZ line length");
            return new[] { line1, line2 };
        }
    }
}
