/* Internal: an XLSX (Office Open XML workbook) reader on libzip and
 * libxml2's streaming xmlTextReader. It lists the sheets, then streams one
 * sheet's rows to a callback shaped like the CSV reader's: every cell as
 * text (numbers as written in the file, shared and inline strings
 * resolved, booleans TRUE/FALSE, errors such as #N/A), missing cells as "".
 *
 * Positions in messages are "book.xlsx:Sheet name!C12: ..." (the sheet and
 * the cell in A1 notation); row numbers given to the callback are the
 * sheet's own 1-based row numbers, gaps included. */
#ifndef AID_XLSX_H
#define AID_XLSX_H

#include "aidstat.h"

#include <stdio.h>

typedef struct aid_xlsx aid_xlsx_t;

/* What a hostile file may cost. */
typedef struct {
    uint64_t max_entry; /* bytes uncompressed from any one zip entry */
    double max_ratio;   /* uncompressed / compressed, checked once past ratio_floor bytes */
    uint64_t ratio_floor;
    size_t max_cols;    /* cells per row (Excel: 16384) */
    size_t max_strings; /* shared strings */
    size_t max_cell;    /* bytes of text in one cell */
} aid_xlsx_limits_t;

#define AID_XLSX_MAX_ENTRY (512ull << 20)
#define AID_XLSX_MAX_RATIO 250.0
#define AID_XLSX_MAX_COLS 16384
#define AID_XLSX_MAX_ROWS 1048576
#define AID_XLSX_MAX_STRINGS (8u << 20)
#define AID_XLSX_MAX_CELL (1u << 20)
/* Sheet entries in a workbook (Excel has no fixed limit; LibreOffice
 * stops at 10000; real workbooks have tens): more is an input error. */
#define AID_XLSX_MAX_SHEETS 4096
/* A workbook read from a pipe is copied to a temporary file up to this size. */
#define AID_XLSX_MAX_SPOOL (1ull << 30)

void aid_xlsx_limits_init(aid_xlsx_limits_t *l);

/* Whether buf starts like a zip archive ("PK\3\4", or "PK\5\6" for an
 * empty one). */
bool aid_xlsx_sniff(const void *buf, size_t len);

/* Open a workbook from a file or from memory (data must outlive the
 * reader); name is used in messages; limits NULL = the defaults. Reads the
 * workbook's sheet list. NULL on error, with err filled. */
aid_xlsx_t *aid_xlsx_open(const char *path, const char *name, const aid_xlsx_limits_t *limits,
                          aidstat_error_t *err);
aid_xlsx_t *aid_xlsx_open_memory(const char *name, const void *data, size_t len,
                                 const aid_xlsx_limits_t *limits, aidstat_error_t *err);
/* Open a workbook from a stream that cannot seek (standard input): head
 * (n bytes already read from it) and the rest of fp are copied into an
 * unlinked temporary file (in $TMPDIR), at most AID_XLSX_MAX_SPOOL bytes. */
aid_xlsx_t *aid_xlsx_open_stream(FILE *fp, const void *head, size_t n, const char *name,
                                 const aid_xlsx_limits_t *limits, aidstat_error_t *err);
void aid_xlsx_close(aid_xlsx_t *x);

/* Sheets in workbook order. */
size_t aid_xlsx_sheet_count(const aid_xlsx_t *x);
const char *aid_xlsx_sheet_name(const aid_xlsx_t *x, size_t i);
/* The sheet called name (exactly, else ignoring ASCII case); -1 if none. */
long aid_xlsx_sheet_find(const aid_xlsx_t *x, const char *name);
/* Whether the workbook counts dates from 1904 (Mac Excel) instead of 1900. */
bool aid_xlsx_date1904(const aid_xlsx_t *x);

/* Cell kinds of the current row, for callbacks that care (dates are
 * numbers: their style, not their kind, makes them dates). */
typedef enum {
    AID_XLSX_EMPTY = 0,
    AID_XLSX_NUMBER,
    AID_XLSX_STRING, /* shared, inline or a formula's string result */
    AID_XLSX_BOOL,
    AID_XLSX_ERROR,
    AID_XLSX_DATE /* t="d": an ISO 8601 text */
} aid_xlsx_kind_t;

/* One row: n fields (up to the row's last cell), each NUL-terminated and
 * writable; row is the sheet's row number. Return 0 to go on, non-zero to
 * stop the read (the read then returns AIDSTAT_ERR_ABORTED unless err was
 * filled). */
typedef int (*aid_xlsx_row_fn)(void *user, char **fields, const size_t *lens, size_t n, long row);

/* Stream sheet i's rows that hold at least one cell. */
aidstat_status_t aid_xlsx_read_sheet(aid_xlsx_t *x, size_t i, aid_xlsx_row_fn fn, void *user,
                                     aidstat_error_t *err);
/* Inside a callback: the kind of field k of the current row. */
aid_xlsx_kind_t aid_xlsx_cell_kind(const aid_xlsx_t *x, size_t k);
/* Rows holding at least one cell, counted without building the cells. */
aidstat_status_t aid_xlsx_count_rows(aid_xlsx_t *x, size_t i, long *rows, aidstat_error_t *err);

/* The sheet's last row from its <dimension> (cheap: the reader stops
 * there); counted as aid_xlsx_count_rows does when the sheet states none.
 * Known once a part has been read to its end (by any call here), so each
 * part is read once however many sheet entries name it. */
aidstat_status_t aid_xlsx_sheet_extent(aid_xlsx_t *x, size_t i, long *rows, aidstat_error_t *err);
/* How many times a part of the archive was opened for reading (tests). */
unsigned aid_xlsx_parts_read(const aid_xlsx_t *x);

/* "C12" -> column 2 (0-based), row 12. false for a malformed reference
 * or one outside Excel's grid. */
bool aid_xlsx_ref_parse(const char *ref, long *col, long *row);
/* Column index (0-based) to letters: 0 -> "A", 27 -> "AB". buf of 4+ bytes. */
char *aid_xlsx_col_name(long col, char *buf, size_t len);

/* An Excel serial day number to a calendar date. The 1900 system counts
 * 1900-01-01 as 1 and keeps Lotus's phantom 1900-02-29 as 60 (refused
 * here, as serials below 1); the 1904 system counts 1904-01-01 as 0. The
 * fraction (time of day) is dropped. */
bool aid_xlsx_serial_date(double serial, bool date1904, int *year, int *month, int *day);

#endif
