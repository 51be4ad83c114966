# half a workbook: exit 2
check xlsx/truncated.xlsx
