package cn.jixiao.input;

/**
 * An error found in one project, or in a file that could not be read, before it becomes a
 * {@link cn.jixiao.diagnostics.Diagnostic}.
 *
 * @param path JSON path from the project (or from the file's root), such as {@code $.indicators[2].weight};
 *             {@code null} when there is none
 */
record Problem(String path, String message) {
}
