package io.connlint.core.pool;

import io.connlint.core.model.ClientPool;
import io.connlint.core.model.PoolKind;
import io.connlint.core.model.PoolValue;
import io.connlint.core.model.RejectedValue;
import io.connlint.core.model.Setting;
import io.connlint.core.model.SourceLocation;
import io.connlint.core.model.Target;

import java.util.List;
import java.util.Optional;

/**
 * What every pool of one app shares: how many run, where it is declared, the server it names.
 *
 * @param hikariVersion connlint.yml's {@code hikariVersion} for the app, if it declares one
 */
public record PoolContext(String app, Setting<Long> instances, Setting<Long> processes, Optional<Setting<String>> server,
                          Optional<SourceLocation> declaredAt, Optional<Setting<Long>> rollout,
                          Optional<Setting<Long>> maximum, Optional<Setting<String>> hikariVersion) {

    /** A context without rollout, autoscaling or declared HikariCP release. */
    public PoolContext(String app, Setting<Long> instances, Setting<Long> processes, Optional<Setting<String>> server,
                       Optional<SourceLocation> declaredAt) {
        this(app, instances, processes, server, declaredAt, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same context, with {@code p} processes per instance. */
    public PoolContext withProcesses(Setting<Long> p) {
        return new PoolContext(app, instances, p, server, declaredAt, rollout, maximum, hikariVersion);
    }

    /** A pool of this app. */
    ClientPool pool(String id, PoolKind kind, List<String> files, Optional<Target> target, List<PoolValue> values,
                    Optional<Setting<String>> release, List<RejectedValue> rejected) {
        return new ClientPool(id, app, kind, files, target, values, release, instances, processes, server, declaredAt,
                rejected, rollout, maximum);
    }
}
