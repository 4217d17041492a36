package cn.jixiao.input.office;

/**
 * One cell of a Word table or an Excel sheet as the user sees it: its text (for a number cell, the digits the cell
 * shows) and where it is. A cell merged over several rows or columns is one instance at every grid position it
 * covers, so instances are compared by identity.
 *
 * @param part  the table or sheet, {@code table 2} or {@code sheet "项目1"}
 * @param place the cell in messages, {@code table 2, row 7, column 4} or {@code sheet "项目1" D6}
 */
record SourceCell(String text, String part, String place) {

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
