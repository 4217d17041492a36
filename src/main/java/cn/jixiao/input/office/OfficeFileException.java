package cn.jixiao.input.office;

/** Why a Word or Excel file cannot be read at all; the message completes "FILE: …". */
final class OfficeFileException extends Exception {
    OfficeFileException(String message) {
        super(message);
    }
}
