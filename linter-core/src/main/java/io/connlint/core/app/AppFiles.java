package io.connlint.core.app;

import io.connlint.core.model.SourceLocation;
import io.connlint.core.pool.PoolContext;
import io.connlint.core.read.django.Gunicorn;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One app's files of one format, with what the app's declaration adds.
 *
 * @param files      the files, in the order connlint.yml names them or discovery found them
 * @param profiles   Spring profiles to activate
 * @param env        values for placeholders and environment lookups
 * @param envAt      where those values are declared
 * @param context    what every pool of the app shares
 * @param gunicorn   the app's gunicorn configuration, read
 * @param declared   true when connlint.yml declares the app (else discovered)
 * @param onlySource true when these are all of the app's files: its one pool is then named after the app
 */
public record AppFiles(List<Path> files, List<String> profiles, Map<String, String> env, SourceLocation envAt,
                       PoolContext context, Optional<Gunicorn> gunicorn, boolean declared, boolean onlySource) {

    public AppFiles {
        files = List.copyOf(files);
        profiles = List.copyOf(profiles);
        env = Map.copyOf(env);
    }
}
