/*
 * gen-aid: synthetic long-format military-aid CSV for benchmarking aidstat.
 *
 *   gen-aid [--no-comma-names] [--mixed-measures] ROWS [SEED] > file.csv
 *
 * Output is a pure function of (ROWS, SEED, flags): the PRNG is our own
 * splitmix64 so files are identical across libcs and machines.
 * --no-comma-names drops the one donor whose name needs CSV quoting
 * ("Korea, Republic of"), because naive splitters like datamash -t, reject it.
 *
 * By default every row's measure is "allocation": `aidstat compare` sums one
 * measure (allocation unless --measure says otherwise) while datamash and
 * Miller sum every row, so a single-measure file makes all three compute the
 * same totals.  Types stay mixed (military/financial/humanitarian), which
 * aidstat sums by default.  --mixed-measures restores the old output with
 * commitment/allocation/delivery rows (format v1); the random stream is the
 * same either way, so only the measure column differs between the two.
 *
 * Standalone C99, libc only.  Formatting is hand-rolled into a large buffer
 * because printf would dominate the runtime at 10M+ rows.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct donor {
    const char *name; /* CSV-ready: already quoted if it needs to be */
    const char *iso3;
    unsigned size; /* rough relative aid volume; drives row share and value scale */
};

/* Sizes loosely follow public aid-tracker totals (bn EUR), floored at 1
 * so every donor still shows up in small files. */
static const struct donor DONORS[] = {
    {"United States", "USA", 115},
    {"Germany", "DEU", 48},
    {"United Kingdom", "GBR", 22},
    {"Japan", "JPN", 12},
    {"Denmark", "DNK", 9},
    {"Netherlands", "NLD", 8},
    {"Norway", "NOR", 8},
    {"Sweden", "SWE", 7},
    {"Canada", "CAN", 7},
    {"Poland", "POL", 5},
    {"France", "FRA", 5},
    {"Finland", "FIN", 3},
    {"Italy", "ITA", 2},
    {"Belgium", "BEL", 2},
    {"Czechia", "CZE", 1},
    {"Lithuania", "LTU", 1},
    {"Latvia", "LVA", 1},
    {"Estonia", "EST", 1},
    {"Spain", "ESP", 1},
    {"Australia", "AUS", 1},
    {"Austria", "AUT", 1},
    {"Switzerland", "CHE", 1},
    {"Portugal", "PRT", 1},
    {"Greece", "GRC", 1},
    {"Slovakia", "SVK", 1},
    {"Slovenia", "SVN", 1},
    {"Croatia", "HRV", 1},
    {"Romania", "ROU", 1},
    {"Bulgaria", "BGR", 1},
    {"Ireland", "IRL", 1},
    {"Luxembourg", "LUX", 1},
    {"Iceland", "ISL", 1},
    {"New Zealand", "NZL", 1},
    {"T\xc3\xbcrkiye", "TUR", 1},
    {"\"Korea, Republic of\"", "KOR", 1},
    {"Hungary", "HUN", 1},
    {"Cyprus", "CYP", 1},
    {"Malta", "MLT", 1},
    {"Albania", "ALB", 1},
    {"North Macedonia", "MKD", 1},
    {"Montenegro", "MNE", 1},
    {"India", "IND", 1},
};
#define NDONORS ((int)(sizeof DONORS / sizeof DONORS[0]))
#define COMMA_DONOR 34 /* index of "Korea, Republic of" */

static const char *const TYPES[] = {"military", "financial", "humanitarian"};
static const char *const MEASURES[] = {"commitment", "allocation", "delivery"};

static uint64_t rng_state;

static uint64_t splitmix64(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Row share grows sub-linearly with size (size + 4) so the long tail still
 * gets rows; value scale grows linearly, so big donors also give bigger sums. */
#define ROW_WEIGHT(s) ((s) + 4)

/* Precomputed "donor,iso3,Ukraine," prefixes. */
static char prefix[NDONORS][64];
static size_t prefix_len[NDONORS];

#define OUTBUF (1 << 20)
static char out[OUTBUF + 256];
static size_t outlen;

static void flush_out(void)
{
    if (outlen && fwrite(out, 1, outlen, stdout) != outlen) {
        perror("gen-aid: write");
        exit(1);
    }
    outlen = 0;
}

static void put(const char *s, size_t n)
{
    memcpy(out + outlen, s, n);
    outlen += n;
}

static void put_u64(uint64_t v)
{
    char tmp[24];
    int i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(tmp + i, sizeof tmp - (size_t)i);
}

static void usage(void)
{
    fprintf(stderr, "usage: gen-aid [--no-comma-names] [--mixed-measures] ROWS [SEED]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int no_comma = 0, mixed_measures = 0, argi = 1;
    for (; argi < argc && strncmp(argv[argi], "--", 2) == 0; argi++) {
        if (strcmp(argv[argi], "--no-comma-names") == 0)
            no_comma = 1;
        else if (strcmp(argv[argi], "--mixed-measures") == 0)
            mixed_measures = 1;
        else
            usage();
    }
    if (argc - argi < 1 || argc - argi > 2)
        usage();
    char *end;
    unsigned long long rows = strtoull(argv[argi], &end, 10);
    if (*end || argv[argi][0] == '-')
        usage();
    uint64_t seed = 1;
    if (argc - argi == 2) {
        seed = strtoull(argv[argi + 1], &end, 10);
        if (*end)
            usage();
    }
    rng_state = seed;

    /* Weighted donor pick via a flat lookup table: one modulo + one load
     * per row instead of a search. */
    static unsigned char pick[4096];
    unsigned npick = 0;
    for (int d = 0; d < NDONORS; d++) {
        if (no_comma && d == COMMA_DONOR)
            continue;
        for (unsigned w = 0; w < ROW_WEIGHT(DONORS[d].size); w++)
            pick[npick++] = (unsigned char)d;
        prefix_len[d] =
            (size_t)snprintf(prefix[d], sizeof prefix[d], "%s,%s,Ukraine,", DONORS[d].name, DONORS[d].iso3);
    }

    static const char header[] = "donor,iso3,recipient,year,month,type,measure,value,currency\n";
    put(header, sizeof header - 1);

    static const char *const months[] = {"1,", "2,", "3,", "4,",  "5,",  "6,",
                                         "7,", "8,", "9,", "10,", "11,", "12,"};
    static const char *const years[] = {"2022,", "2023,", "2024,", "2025,", "2026,"};

    for (unsigned long long r = 0; r < rows; r++) {
        uint64_t x = splitmix64();
        int d = pick[x % npick];
        x /= npick;
        put(prefix[d], prefix_len[d]);
        put(years[x % 5], 5);
        x /= 5;
        const char *m = months[x % 12];
        x /= 12;
        put(m, m[1] == ',' ? 2 : 3);
        const char *t = TYPES[x % 3];
        x /= 3;
        put(t, strlen(t));
        out[outlen++] = ',';
        /* The measure only reuses bits of x, so the random stream (and
         * thus every other column) is the same with or without
         * --mixed-measures. */
        const char *ms = mixed_measures ? MEASURES[x % 3] : MEASURES[1];
        put(ms, strlen(ms));
        out[outlen++] = ',';

        /* Value in cents: cubic skew towards small amounts, capped at
         * size * 20M EUR, so a few rows dominate each donor's total. */
        uint64_t y = splitmix64();
        double u = (double)(y >> 11) * (1.0 / 9007199254740992.0);
        uint64_t cents = 100 + (uint64_t)(u * u * u * (double)DONORS[d].size * 2e9);
        /* "Up to 2 decimals": whole euros for ~1/4 of rows, to exercise
         * parsers on both forms. */
        if ((y & 3) == 0)
            cents -= cents % 100;
        put_u64(cents / 100);
        if (cents % 100) {
            char frac[3] = {'.', (char)('0' + cents % 100 / 10), (char)('0' + cents % 10)};
            put(frac, 3);
        }
        put(",EUR\n", 5);

        if (outlen >= OUTBUF)
            flush_out();
    }
    flush_out();
    if (fflush(stdout) != 0) {
        perror("gen-aid: write");
        return 1;
    }
    return 0;
}
