package cn.jixiao.server;

import java.util.Map;

/**
 * A request the service answers with an error: the HTTP status, a short code a program can test, and a sentence a
 * person can act on. Thrown by the handlers; {@link Service} turns it into the JSON answer.
 *
 * @param headers extra headers of the answer, such as {@code Retry-After}
 */
final class ApiException extends RuntimeException {

    final int status;
    final String code;
    final Map<String, String> headers;
    final Map<String, Object> details;

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    ApiException(int status, String code, String message, Map<String, String> headers, Map<String, Object> details) {
        super(message, null, false, false); // an answer, not a fault: no stack trace is needed
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
        this.details = Map.copyOf(details);
    }
}
