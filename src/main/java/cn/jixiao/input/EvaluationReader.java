package cn.jixiao.input;

import cn.jixiao.diagnostics.Diagnostic.Severity;
import cn.jixiao.diagnostics.Diagnostic;
import cn.jixiao.diagnostics.JsonPath;
import cn.jixiao.model.Evaluation;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads evaluation files: JSON checked against the published contract {@code evaluation.schema.json} (next to this
 * class) and mapped to the model. Whatever a file holds, reading never throws: every problem becomes a
 * {@link Diagnostic} naming the file, the project and the JSON path. The scoring rules are not reading's job: the
 * caller checks what was read against the scoring rules of the validation package.
 *
 * <p>Create one reader and share it: it loads the schema once, and it is thread-safe.
 *
 * <p>What a file may hold:
 * <ul>
 * <li>UTF-8 text, with or without a byte-order mark, of at most 64 MB. Other encodings (GBK, UTF-16) are refused at
 *     the first byte that is not UTF-8, with its line and column.</li>
 * <li>One JSON value: an evaluation object or a non-empty array of them. Malformed JSON, a duplicate field, content
 *     after the value, nesting deeper than {@value #MAX_NESTING_DEPTH} levels, a text longer than
 *     {@value #MAX_TEXT_LENGTH} characters or a number longer than {@value #MAX_NUMBER_LENGTH} characters reject the
 *     whole file with the line and column; nothing of it is read.</li>
 * <li>Text may hold tabs and line breaks, escaped or not; any other control character is an error at its path.</li>
 * <li>A text longer than 10,000 characters or more than 1,000 indicators is an error at its path (the schema's
 *     {@code maxLength} and {@code maxItems}): a 350,000-character cell would print on 927 pages in 25 s, and 10,000
 *     indicators on 287 pages in 42 s, neither of them a form anyone can sign.</li>
 * <li>Numbers are not negative, below 10¹² and have at most 6 decimals; exponents are allowed ({@code 1.5e2} is
 *     150) and {@code -0} is 0.</li>
 * </ul>
 * Every project of an array is checked on its own: one bad project does not stop the others.
 */
public final class EvaluationReader {

    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_TEXT_LENGTH = 4_000_000;
    /** Longer than any number the schema accepts; this only bounds what parsing costs. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private static final String SCHEMA = "classpath:cn/jixiao/input/evaluation.schema.json";
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_TEXT_LENGTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                    .build())
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final Schema schema;
    private final SchemaMessages messages;

    public EvaluationReader() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        // The schema's titles and descriptions document the contract; they check nothing. The library's 2020-12
        // dialect makes each an annotation step, visited at every value it titles though no annotation is collected,
        // a tenth of the CPU of reading a file (bench/results/2026-12-01-s7-read.txt).
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new Documentation("title"))
                .keyword(new Documentation("description"))
                .build();
        // The schema is read like the data, so that its bounds are exact decimals too.
        schema = SchemaRegistry.withDefaultDialect(dialect,
                        registry -> registry.schemaRegistryConfig(config).nodeReader(reader -> reader.jsonMapper(json)))
                .getSchema(SchemaLocation.of(SCHEMA));
        schema.initializeValidators();
        messages = new SchemaMessages(schema.getSchemaNode());
    }

    /**
     * One result per project of the file, in file order. When the file cannot be read at all, one result with index 0
     * and the errors that say why.
     */
    public List<ProjectInput> read(Path file) {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return List.of(fileErrors(source, List.of(new Problem(null, tooLarge()))));
            }
            return read(source, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return List.of(fileErrors(source, List.of(new Problem(null, "no such file"))));
        } catch (AccessDeniedException e) {
            return List.of(fileErrors(source, List.of(new Problem(null, "permission denied"))));
        } catch (IOException e) {
            return List.of(fileErrors(source, List.of(new Problem(null, "cannot be read: " + e.getMessage()))));
        }
    }

    /**
     * One result per project of a stream's content, in order, as {@link #read(Path)} gives them for a file. The
     * stream is read to its end, at most {@value #MAX_FILE_BYTES} bytes of it, and not closed.
     *
     * @param source what the messages call the content, such as the name of an uploaded file
     * @throws IOException when the stream cannot be read; a content that is not JSON or not an evaluation is no
     *                     exception but a result with errors
     */
    public List<ProjectInput> read(String source, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            return List.of(fileErrors(source, List.of(new Problem(null, tooLarge()))));
        }
        return read(source, bytes);
    }

    /** One result per project of the content, as {@link #read(Path)} gives them for a file. */
    public List<ProjectInput> read(String source, byte[] content) {
        JsonNode root;
        try {
            root = parse(decode(content));
        } catch (Unreadable e) {
            return List.of(fileErrors(source, List.of(new Problem(e.path, e.getMessage()))));
        } catch (IOException e) {
            return List.of(fileErrors(source, List.of(new Problem(null, "cannot be read: " + e.getMessage()))));
        }
        return read(source, root);
    }

    /**
     * Checks JSON that was not read from a file but made from one, such as the forms imported from a Word document:
     * the schema and the mapping exactly as for {@link #read(Path)}. The numbers of {@code root} should be exact
     * decimals ({@code DecimalNode}), as the reader's own parser makes them.
     *
     * @param source the file the JSON was made from, named in the diagnostics
     */
    public List<ProjectInput> read(String source, JsonNode root) {
        // The schema checks the whole file at once; each finding goes to its project, 0 being the file itself.
        Map<Integer, List<Error>> errors = new HashMap<>();
        for (Error error : schema.validate(root)) {
            errors.computeIfAbsent(project(root, error.getInstanceLocation()), p -> new ArrayList<>()).add(error);
        }
        if (errors.containsKey(0)) {
            return List.of(fileErrors(source, messages.problems(errors.get(0), 0)));
        }
        List<JsonNode> projects = new ArrayList<>(); // the schema has made sure: an object, or an array of them
        if (root.isArray()) {
            root.forEach(projects::add);
        } else {
            projects.add(root);
        }
        int skip = root.isArray() ? 1 : 0; // paths start at the project, not at the file's array
        List<ProjectInput> results = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            List<Problem> problems = messages.problems(errors.getOrDefault(i + 1, List.of()), skip);
            results.add(project(source, i + 1, projects.get(i), problems));
        }
        return results;
    }

    private static String tooLarge() {
        return "is larger than " + (MAX_FILE_BYTES >> 20) + " MB";
    }

    /** The 1-based project a path of the file is in; 0 for the file's root when it is not a project itself. */
    private static int project(JsonNode root, NodePath at) {
        if (root.isObject()) {
            return 1;
        }
        return root.isArray() && at.getNameCount() > 0 ? (Integer) at.getElement(0) + 1 : 0;
    }

    /** Maps a project the schema accepted. */
    private static ProjectInput project(String file, int index, JsonNode project, List<Problem> schemaProblems) {
        JsonNode projectName = project.path("projectName");
        String name = projectName.isTextual() ? projectName.textValue() : null;
        Evaluation evaluation = null;
        List<Problem> problems = schemaProblems;
        if (problems.isEmpty()) {
            EvaluationMapper mapper = new EvaluationMapper();
            evaluation = mapper.map(project);
            problems = mapper.problems();
        }
        return new ProjectInput(file, index, name, evaluation, errors(file, index, name, problems));
    }

    private static ProjectInput fileErrors(String file, List<Problem> problems) {
        return new ProjectInput(file, 0, null, null, errors(file, 0, null, problems));
    }

    private static List<Diagnostic> errors(String file, int index, String name, List<Problem> problems) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Problem problem : problems) {
            errors.add(new Diagnostic(Severity.ERROR, file, index, name, problem.path(), problem.message()));
        }
        return errors;
    }

    /** The content as text: UTF-8, a leading byte-order mark dropped. */
    private static String decode(byte[] bytes) throws Unreadable {
        int start = startsWith(bytes, BYTE_ORDER_MARK) ? BYTE_ORDER_MARK.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer text = CharBuffer.allocate(bytes.length); // UTF-8 never gives more characters than bytes
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, text, true);
        text.flip();
        if (result.isError()) {
            String before = text.toString();
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            throw new Unreadable(null, String.format("is not UTF-8 text: byte 0x%02X at line %d, column %d;"
                    + " save the file as UTF-8", bytes[in.position()] & 0xFF, line, column));
        }
        return text.toString();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && ByteBuffer.wrap(bytes, 0, prefix.length).equals(ByteBuffer.wrap(prefix));
    }

    /** The one JSON value the text holds. */
    private JsonNode parse(String text) throws IOException, Unreadable {
        JsonParser parser = json.createParser(text);
        try {
            JsonNode root = json.readTree(parser);
            if (root == null || root.isMissingNode()) {
                throw new Unreadable(null, "is empty; expected an evaluation object or an array of them");
            }
            if (parser.nextToken() != null) {
                throw new Unreadable(null, "has more after the JSON value, at " + at(parser.currentTokenLocation()));
            }
            return root;
        } catch (StreamConstraintsException e) {
            // "Document nesting depth (65) exceeds the maximum allowed (64, from `StreamReadConstraints...`)"
            String limit = e.getOriginalMessage().replaceAll(", from `[^`]*`", "");
            throw new Unreadable(null, "cannot be read at " + at(parser.currentLocation()) + ": " + limit);
        } catch (JsonProcessingException e) {
            throw new Unreadable(path(parser.getParsingContext()), "malformed JSON at " + at(e.getLocation()) + ": "
                    + Diagnostic.printable(plain(e.getOriginalMessage()), Integer.MAX_VALUE));
        } finally {
            parser.close();
        }
    }

    /**
     * Jackson's message without the parts that only a programmer using Jackson could act on: "start marker at [Source:
     * REDACTED (...); line: 1, column: 36]" becomes "start marker at line 1, column 36", and hints to enable a parser
     * feature (comments, NaN, a leading +) are dropped, as JSON allows none of them.
     */
    private static String plain(String message) {
        return message
                .replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll(" \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)", "");
    }

    private static String at(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * The path from the file's root to the object or array the parser is in, such as {@code $[3].indicators[2]}: each
     * enclosing context holds the field name or index that leads to the next.
     */
    private static String path(JsonStreamContext context) {
        List<JsonStreamContext> enclosing = new ArrayList<>();
        for (JsonStreamContext c = context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            enclosing.add(0, c);
        }
        String path = JsonPath.ROOT;
        for (JsonStreamContext c : enclosing) {
            path = c.inArray() ? JsonPath.index(path, c.getCurrentIndex()) : JsonPath.field(path, c.getCurrentName());
        }
        return path;
    }

    /** A keyword of the schema that only documents it: no step of validation at all. */
    private static final class Documentation extends AbstractKeyword {

        Documentation(String keyword) {
            super(keyword);
        }

        @Override
        public KeywordValidator newValidator(SchemaLocation location, JsonNode value, Schema parent,
                                             SchemaContext context) {
            return null;
        }
    }

    /** Why a file cannot be read at all. */
    private static final class Unreadable extends Exception {
        private final String path;

        Unreadable(String path, String message) {
            super(message);
            this.path = path;
        }
    }
}
