package org.gateboard.refusal;

/** The file an export writes: CSV (the default) or an Excel workbook. */
public enum ExportFormat {
    /** UTF-8 with a byte-order mark, so Excel reads the Chinese; cells that could be formulas defused. */
    CSV("text/csv;charset=UTF-8", "refusals.csv"),
    /** Office Open XML, written row by row: times as dates, temperatures and versions as numbers. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "refusals.xlsx");

    private final String contentType;
    private final String fileName;

    ExportFormat(String contentType, String fileName) {
        this.contentType = contentType;
        this.fileName = fileName;
    }

    public String contentType() {
        return contentType;
    }

    public String fileName() {
        return fileName;
    }
}
